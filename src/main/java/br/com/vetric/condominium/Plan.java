package br.com.vetric.condominium;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A condominium's plan (the product brief's phase 2). Only the field for now: its limits come later. */
public enum Plan {
    BASIC,
    PREMIUM,
    ENTERPRISE;

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
