package br.com.vetric.dashboard.internal;

import br.com.vetric.reports.Tariff;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's energy in a condominium, in whole Wh placed by the sessions' one allocation rule (the statement's);
 * an open session counts up to now. The R$ are the statement's (each session's month priced with the tariff); they
 * and {@code tariff} are null when the condominium has no tariff. {@code pendingSessions}: sessions of the month
 * whose energy the charger reports only at the end (not in the figures yet).
 */
public record Consumption(
        YearMonth month,
        long totalWh,
        long identifiedWh,
        long unidentifiedWh,
        int unidentifiedSessions,
        int sessions,
        int pendingSessions,
        Tariff tariff,
        BigDecimal totalCost,
        BigDecimal unidentifiedCost,
        List<Apartment> apartments,
        List<Day> days) {

    public boolean priced() {
        return tariff != null;
    }

    /**
     * One apartment, ranked by energy, with its peak and off-peak parts (all off-peak without a time-of-use tariff)
     * and what it costs (null without a tariff). {@code share} is a fraction of the identified energy.
     */
    public record Apartment(
            int rank,
            String apartment,
            long energyWh,
            long peakWh,
            long offPeakWh,
            int sessions,
            double share,
            BigDecimal cost) {}

    public record Day(LocalDate date, long energyWh) {}
}
