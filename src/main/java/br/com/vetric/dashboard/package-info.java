/**
 * The browser experience: pages that compose other modules' read APIs (monitoring board with live updates,
 * chargers, sessions and their export, consumption, system) and the consumption JSON API. Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "chargers",
            "sessions",
            "sync",
            "reports",
            "residents",
            "condominium"
        })
package br.com.vetric.dashboard;
