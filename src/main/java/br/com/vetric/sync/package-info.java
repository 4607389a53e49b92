/**
 * The polling cycle: every {@code VETRIC_POLL_INTERVAL} read CVE-PRO completely, then in one transaction
 * update chargers and sessions. A failed or partial poll changes nothing.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "condominium", "cpms", "chargers", "sessions"})
package br.com.vetric.sync;
