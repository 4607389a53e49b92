package br.com.vetric.condominium;

import java.util.OptionalInt;

/**
 * What a plan allows: at most {@code residents} active residents and {@code chargers} chargers (null: no limit), and
 * whether it includes WhatsApp notifications, monthly statements and API access.
 */
public record PlanLimits(
        Plan plan, Integer residents, Integer chargers, boolean whatsapp, boolean statements, boolean api) {

    /** The most the plan allows of this, empty when it has no limit. */
    public OptionalInt max(Limit limit) {
        Integer max = switch (limit) {
            case RESIDENTS -> residents;
            case CHARGERS -> chargers;
        };
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    public boolean allows(Feature feature) {
        return switch (feature) {
            case WHATSAPP -> whatsapp;
            case STATEMENTS -> statements;
            case API -> api;
        };
    }

    /** This plan with the values a setting gives (null: keep this one's; a negative count: no limit). */
    PlanLimits with(CondominiumProperties.PlanSettings s) {
        if (s == null) {
            return this;
        }
        return new PlanLimits(
                plan,
                s.residents() == null ? residents : s.residents() < 0 ? null : s.residents(),
                s.chargers() == null ? chargers : s.chargers() < 0 ? null : s.chargers(),
                s.whatsapp() == null ? whatsapp : s.whatsapp(),
                s.statements() == null ? statements : s.statements(),
                s.api() == null ? api : s.api());
    }
}
