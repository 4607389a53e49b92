/**
 * Residents, their units and RFID tags. A resident has many tags; a tag belongs to one resident per condominium;
 * tags are trimmed and compared case-insensitively on write and on lookup. A unit is a number and an optional tower,
 * normalised by one rule ({@link br.com.vetric.residents.Unit}). An ADMIN changes residents; a condominium's
 * CLIENTE too while the operator allows it (a setting of the condominium); every change is in the audit log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "identity", "condominium"})
package br.com.vetric.residents;
