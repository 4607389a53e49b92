/**
 * WhatsApp notifications: the resident events of a charging session (started, idle, battery full,
 * interrupted) and the managers' alerts (fault, offline, stuck session, unknown tag) with their recovery
 * messages. Events become due checks, due checks re-read the current state and enqueue into a durable outbox
 * (one row per subject, kind and recipient), and a worker delivers the outbox through the condominium's
 * gateway (Evolution API, Meta WhatsApp Cloud API or log only). The outbox is also the delivery log.
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
            "reports"
        })
package br.com.vetric.notifications;
