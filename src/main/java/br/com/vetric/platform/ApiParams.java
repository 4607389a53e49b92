package br.com.vetric.platform;

import br.com.vetric.shared.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Checks of the query parameters the JSON API shares: paging and periods. Errors name the parameter. */
public final class ApiParams {

    public static final int MAX_PAGE_SIZE = 500;

    private ApiParams() {}

    public static void paging(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** Start of a period: a São Paulo date (yyyy-MM-dd, from its first instant) or an ISO date-time with offset. */
    public static Instant periodStart(String field, String value) {
        return parse(field, value, false);
    }

    /** End of a period (exclusive): a São Paulo date includes that whole day; or an ISO date-time with offset. */
    public static Instant periodEnd(String field, String value) {
        return parse(field, value, true);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d)
                        .atStartOfDay(Zones.SAO_PAULO)
                        .toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (2026-01-31) or a date-time with offset");
        }
    }
}
