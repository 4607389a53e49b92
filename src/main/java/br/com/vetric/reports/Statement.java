package br.com.vetric.reports;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A generated statement version of a month, with its reconciled totals. {@code partial}: generated before the month
 * was over; {@code draft}: generated before the month was closed (the final version is the one closing made, and
 * any made after). {@code outdated}: something it used has changed since (a tag assigned, a session's energy, the
 * tariff); only the latest version of a month is checked.
 */
public record Statement(
        long id,
        int year,
        int month,
        int version,
        int sessions,
        long energyWh,
        long peakWh,
        long offPeakWh,
        BigDecimal totalCost,
        Instant generatedAt,
        boolean monthClosed,
        boolean partial,
        boolean draft,
        boolean outdated,
        @Nullable Instant outdatedSince,
        @Nullable OutdatedReason outdatedReason) {

    /** What changed after the statement was generated. */
    public enum OutdatedReason {
        TAG_ASSIGNED,
        SESSION_CHANGED,
        TARIFF_CHANGED
    }

    public java.time.YearMonth yearMonth() {
        return java.time.YearMonth.of(year, month);
    }
}
