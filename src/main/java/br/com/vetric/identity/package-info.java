/**
 * Users, roles (ADMIN: VETRIC's operators; CLIENTE: a condominium's manager), login for the web (session) and
 * the API (JWT bearer tokens), and which condominium a request acts on.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "condominium"})
package br.com.vetric.identity;
