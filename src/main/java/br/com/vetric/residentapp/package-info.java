/**
 * The residents' app (a PWA at {@code /app}) and its API ({@code /api/v1/me/**}): a resident signs in with a
 * 6-digit code sent by the condominium's WhatsApp gateway ({@code /api/v1/resident-auth/**}), becomes a
 * {@code RESIDENT} principal that sees only their own sessions, consumption and preferences, and the manager can turn
 * a resident's app access off. Owns the sign-in codes, preferences and push subscriptions.
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
package br.com.vetric.residentapp;
