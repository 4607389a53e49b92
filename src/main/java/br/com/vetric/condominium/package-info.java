/**
 * Condominiums (tenants): who they are (name, CNPJ, contacts, time zone), their plan and whether VETRIC serves them
 * now; the operator's API and pages to create and change them. Plans' limits come later.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
package br.com.vetric.condominium;
