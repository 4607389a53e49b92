package br.com.vetric.cpms.internal;

import br.com.vetric.shared.Zones;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * CVE-PRO uses three time formats in one API. Each field is parsed with its own format explicitly:
 * <ul>
 *   <li>{@code lastHeartbeatTimestamp}: naive local time {@code yyyy-MM-dd HH:mm:ss} in America/Sao_Paulo;</li>
 *   <li>{@code lastStatus.timeStamp}: ISO-8601 in UTC, e.g. {@code 2026-01-09T03:45:15.989Z};</li>
 *   <li>{@code startTimestamp}/{@code stopTimestamp}: {@code dd/MM/yyyy HH:mm:ss} in America/Sao_Paulo.</li>
 * </ul>
 * A value in one of the other two formats is still accepted (the API has changed formats before); anything
 * else yields empty, never an exception.
 */
public final class CveProTime {

    static final DateTimeFormatter ISO_LOCAL_SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter BR_LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final ZoneId ZONE = Zones.SAO_PAULO;

    private CveProTime() {}

    /** {@code lastHeartbeatTimestamp}: naive São Paulo local time. */
    public static Optional<Instant> heartbeat(String text) {
        return firstOf(text, Format.LOCAL_DASH, Format.ISO_UTC, Format.LOCAL_SLASH);
    }

    /** {@code lastStatus.timeStamp}: ISO-8601 UTC. */
    public static Optional<Instant> statusTime(String text) {
        return firstOf(text, Format.ISO_UTC, Format.LOCAL_DASH, Format.LOCAL_SLASH);
    }

    /** {@code startTimestamp} / {@code stopTimestamp}: {@code dd/MM/yyyy HH:mm:ss} São Paulo local time. */
    public static Optional<Instant> transactionTime(String text) {
        return firstOf(text, Format.LOCAL_SLASH, Format.LOCAL_DASH, Format.ISO_UTC);
    }

    /** The query-string form of {@code fromDate}/{@code toDate}: São Paulo local {@code yyyy-MM-dd HH:mm:ss}. */
    public static String queryDate(LocalDateTime local) {
        return ISO_LOCAL_SPACE.format(local);
    }

    private static Optional<Instant> firstOf(String text, Format... formats) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Format f : formats) {
            Optional<Instant> parsed = f.parse(t);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    private enum Format {
        LOCAL_DASH {
            @Override
            Optional<Instant> parse(String t) {
                return local(t, ISO_LOCAL_SPACE);
            }
        },
        LOCAL_SLASH {
            @Override
            Optional<Instant> parse(String t) {
                return local(t, BR_LOCAL);
            }
        },
        ISO_UTC {
            @Override
            Optional<Instant> parse(String t) {
                try {
                    return Optional.of(OffsetDateTime.parse(t).toInstant());
                } catch (DateTimeParseException e) {
                    try {
                        // an ISO local time without offset is documented as UTC
                        return Optional.of(LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC));
                    } catch (DateTimeParseException e2) {
                        return Optional.empty();
                    }
                }
            }
        };

        abstract Optional<Instant> parse(String t);

        private static Optional<Instant> local(String t, DateTimeFormatter f) {
            try {
                return Optional.of(LocalDateTime.parse(t, f).atZone(ZONE).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
