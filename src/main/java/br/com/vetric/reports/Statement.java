package br.com.vetric.reports;

import java.math.BigDecimal;
import java.time.Instant;

/** A generated statement version of a month, with its reconciled totals. */
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
        boolean monthClosed) {}
