/**
 * Condominiums (tenants): today one, configured at start; plans and limits come with the multi-condominium
 * service.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
package br.com.vetric.condominium;
