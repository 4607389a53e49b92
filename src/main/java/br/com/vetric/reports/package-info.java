/**
 * Reports: documents the operator uploads for a condominium, and the monthly consumption statements VETRIC
 * generates itself (energy split peak/off-peak to the watt-hour, priced with the condominium's tariff).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "identity", "condominium", "residents", "sessions", "sync"})
package br.com.vetric.reports;
