package br.com.vetric.integrations.internal;

import br.com.vetric.integrations.ApiScope;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which scope each API endpoint needs from an API key. An endpoint not listed here (users, condominiums, CVE-PRO
 * connections, notification settings, API keys themselves, writes on reports and tariffs…) is not open to keys at all:
 * only people call it.
 */
public final class ScopeMap {

    private record Rule(String method, PathPattern pattern, ApiScope scope) {}

    private static final List<Rule> RULES = List.of(
            rule("GET", "/api/v1/chargers", ApiScope.CHARGERS_READ),
            rule("GET", "/api/v1/chargers/{uuid}", ApiScope.CHARGERS_READ),
            rule("GET", "/api/v1/sessions", ApiScope.SESSIONS_READ),
            rule("GET", "/api/v1/sessions/{id}", ApiScope.SESSIONS_READ),
            rule("GET", "/api/v1/residents", ApiScope.RESIDENTS_READ),
            rule("GET", "/api/v1/residents/audit", ApiScope.RESIDENTS_READ),
            rule("GET", "/api/v1/residents/{id}", ApiScope.RESIDENTS_READ),
            rule("POST", "/api/v1/residents", ApiScope.RESIDENTS_WRITE),
            rule("PUT", "/api/v1/residents/{id}", ApiScope.RESIDENTS_WRITE),
            rule("DELETE", "/api/v1/residents/{id}", ApiScope.RESIDENTS_WRITE),
            rule("POST", "/api/v1/residents/{id}/tags", ApiScope.RESIDENTS_WRITE),
            rule("GET", "/api/v1/consumption", ApiScope.CONSUMPTION_READ),
            rule("GET", "/api/v1/reports", ApiScope.REPORTS_READ),
            rule("GET", "/api/v1/reports/{id}", ApiScope.REPORTS_READ),
            rule("GET", "/api/v1/reports/{id}/download", ApiScope.REPORTS_READ),
            rule("GET", "/api/v1/reports/statements", ApiScope.REPORTS_READ),
            rule("GET", "/api/v1/reports/statements/{id}", ApiScope.REPORTS_READ),
            rule("GET", "/api/v1/reports/statements/{id}/lines", ApiScope.REPORTS_READ),
            rule("GET", "/api/v1/reports/statements/{id}/units.csv", ApiScope.REPORTS_READ),
            rule("GET", "/api/v1/tariff", ApiScope.REPORTS_READ),
            rule("*", "/api/v1/webhooks", ApiScope.WEBHOOKS_MANAGE),
            rule("*", "/api/v1/webhooks/**", ApiScope.WEBHOOKS_MANAGE));

    private ScopeMap() {}

    private static Rule rule(String method, String pattern, ApiScope scope) {
        return new Rule(method, PathPatternParser.defaultInstance.parse(pattern), scope);
    }

    /** The scope a key needs for this call; empty when keys may not call it. */
    public static Optional<ApiScope> required(String method, String path) {
        PathContainer p = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(r -> (r.method.equals("*") || r.method.equalsIgnoreCase(method)) && r.pattern.matches(p))
                .map(Rule::scope)
                .findFirst();
    }
}
