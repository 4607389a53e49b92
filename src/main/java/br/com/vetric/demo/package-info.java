/**
 * The demo: with no {@code VETRIC_CPMS_URL}, VETRIC starts the built-in CVE-PRO simulator on loopback, polls
 * it over real HTTP like a real account, and seeds the demo condominium's residents and a manager account.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "platform",
            "cpms",
            "condominium",
            "residents",
            "identity",
            "reports",
            "simulator",
            "sync"
        })
package br.com.vetric.demo;
