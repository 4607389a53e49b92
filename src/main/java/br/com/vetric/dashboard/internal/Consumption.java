package br.com.vetric.dashboard.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's energy in a condominium, in whole Wh placed by the sessions' one allocation rule (the statement's);
 * an open session counts up to now.
 */
public record Consumption(
        YearMonth month,
        long totalWh,
        long identifiedWh,
        long unidentifiedWh,
        int unidentifiedSessions,
        int sessions,
        List<Apartment> apartments,
        List<Day> days) {

    /**
     * One apartment, ranked by energy, with its peak and off-peak parts (all off-peak without a time-of-use tariff).
     * {@code share} is a fraction of the identified energy.
     */
    public record Apartment(
            int rank, String apartment, long energyWh, long peakWh, long offPeakWh, int sessions, double share) {}

    public record Day(LocalDate date, long energyWh) {}
}
