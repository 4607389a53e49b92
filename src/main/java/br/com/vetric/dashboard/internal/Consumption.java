package br.com.vetric.dashboard.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's energy in a condominium. Each session's energy is split over the days (and the month) in proportion
 * to the time the session spent in each; an open session counts up to now.
 */
public record Consumption(YearMonth month, long totalWh, long identifiedWh, long unidentifiedWh,
                          int unidentifiedSessions, int sessions, List<Apartment> apartments, List<Day> days) {

    /** One apartment, ranked by energy. {@code share} is a fraction of the identified energy. */
    public record Apartment(int rank, String apartment, long energyWh, int sessions, double share) {
    }

    public record Day(LocalDate date, long energyWh) {
    }
}
