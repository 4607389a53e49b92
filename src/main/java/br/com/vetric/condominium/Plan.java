package br.com.vetric.condominium;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A condominium's plan (the product brief's phase 2) and its default limits, one row each: active residents,
 * chargers (null: no limit), WhatsApp notifications, monthly statements and API access. Each value can be changed per
 * installation with {@code vetric.condominium.plans.<plan>.<limit>} ({@link CondominiumProperties}); {@link Plans}
 * answers with the values in force.
 */
public enum Plan {
    //         residents  chargers  whatsapp  statements  api
    BASIC(50, 5, false, false, false),
    PREMIUM(200, 20, true, true, false),
    ENTERPRISE(null, null, true, true, true);

    private final PlanLimits defaults;

    Plan(Integer residents, Integer chargers, boolean whatsapp, boolean statements, boolean api) {
        this.defaults = new PlanLimits(this, residents, chargers, whatsapp, statements, api);
    }

    /** The limits written above, before any setting changes them. */
    public PlanLimits defaults() {
        return defaults;
    }

    /** As the API writes it: {@code basic}, {@code premium}, {@code enterprise}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Plan> fromCode(String code) {
        return Arrays.stream(values())
                .filter(p -> p.code().equalsIgnoreCase(code.strip()))
                .findFirst();
    }

    /** "basic, premium, enterprise" (for error messages). */
    public static String codes() {
        return Arrays.stream(values()).map(Plan::code).collect(Collectors.joining(", "));
    }
}
