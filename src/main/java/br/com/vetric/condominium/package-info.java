/**
 * Condominiums (tenants): today one, configured at start; plans and limits come with the multi-condominium
 * service.
 */
package br.com.vetric.condominium;
