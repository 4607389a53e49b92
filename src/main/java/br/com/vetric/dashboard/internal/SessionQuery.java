package br.com.vetric.dashboard.internal;

import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.shared.Zones;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The session list's filters as typed in the form: a period in São Paulo days (both ends inclusive), charger,
 * resident, apartment, status and "unidentified only".
 */
public record SessionQuery(
        LocalDate from,
        LocalDate to,
        String charger,
        Long resident,
        String apartment,
        SessionStatus status,
        boolean unidentified) {

    public SessionFilter filter() {
        return new SessionFilter(
                status,
                blank(charger),
                resident,
                blank(apartment),
                from == null ? null : from.atStartOfDay(Zones.SAO_PAULO).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(Zones.SAO_PAULO).toInstant(),
                unidentified ? Boolean.TRUE : null);
    }

    /** The same filters as a query string (for paging and export links). */
    public String queryString() {
        Map<String, String> p = new LinkedHashMap<>();
        if (from != null) {
            p.put("from", from.toString());
        }
        if (to != null) {
            p.put("to", to.toString());
        }
        if (blank(charger) != null) {
            p.put("charger", charger);
        }
        if (resident != null) {
            p.put("resident", resident.toString());
        }
        if (blank(apartment) != null) {
            p.put("apartment", apartment.strip());
        }
        if (status != null) {
            p.put("status", status.name());
        }
        if (unidentified) {
            p.put("unidentified", "true");
        }
        return p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
