/**
 * Value types used by every module: condominium ids, energy formatting, time helpers.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package br.com.vetric.shared;
