package br.com.vetric.notifications.web;

import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Period filters: a São Paulo date (yyyy-MM-dd; "to" includes the whole day) or an ISO instant. */
final class Periods {

    private Periods() {
    }

    static Instant from(String value) {
        return parse("from", value, false);
    }

    static Instant to(String value) {
        return parse("to", value, true);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(Zones.SAO_PAULO).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (yyyy-MM-dd) or an ISO date-time");
        }
    }
}
