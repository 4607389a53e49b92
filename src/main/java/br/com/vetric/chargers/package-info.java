/**
 * The charger registry (keyed by CVE-PRO uuid; replaced chargers are discovered), connector status history
 * written only on change, and offline detection from stale heartbeats.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "cpms"})
package br.com.vetric.chargers;
