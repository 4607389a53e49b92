package br.com.vetric.integrations;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an API key may do, as the API writes it ({@code sessions:read}). */
public enum ApiScope {
    CHARGERS_READ("chargers:read"),
    SESSIONS_READ("sessions:read"),
    RESIDENTS_READ("residents:read"),
    RESIDENTS_WRITE("residents:write"),
    CONSUMPTION_READ("consumption:read"),
    REPORTS_READ("reports:read"),
    WEBHOOKS_MANAGE("webhooks:manage");

    private final String code;

    ApiScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ApiScope> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** "chargers:read, sessions:read, …" (for error messages). */
    public static String codes() {
        return Arrays.stream(values()).map(ApiScope::code).collect(Collectors.joining(", "));
    }
}
