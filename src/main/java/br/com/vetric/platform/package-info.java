/**
 * Technical foundation: the database (external or embedded PostgreSQL), the clock, API error handling.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package br.com.vetric.platform;
