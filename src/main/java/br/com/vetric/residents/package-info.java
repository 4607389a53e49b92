/**
 * Residents, their apartments and RFID tags. A resident has many tags; a tag belongs to one resident per
 * condominium; tags are trimmed and compared case-insensitively on write and on lookup.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "identity"})
package br.com.vetric.residents;
