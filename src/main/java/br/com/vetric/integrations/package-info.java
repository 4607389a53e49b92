/**
 * The public API's keys (per condominium, with scopes, expiry and a rate limit) and Standard Webhooks: endpoints a
 * condominium subscribes, signed deliveries from a durable outbox written with the change that caused them, retried
 * with back-off for about three days, logged and replayable (issue #13).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "condominium",
            "residents",
            "sessions",
            "chargers",
            "reports",
            "notifications"
        })
package br.com.vetric.integrations;
