package br.com.vetric.sessions;

import br.com.vetric.sessions.internal.ChargingInterval;
import br.com.vetric.sessions.internal.EnergyAllocator;
import br.com.vetric.shared.PeakWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session's energy placed in time by the one allocation rule: its whole Wh are divided in proportion to the
 * time it was charging (or, when VETRIC did not watch it live, to its whole duration), first among months and
 * peak/off-peak periods, then among the days of each, with largest-remainder rounding at each step. The shares
 * always add up exactly to the session's energy, and any month's or day's figure is the exact sum of its shares,
 * so the statement, the consumption page, the API and the exports agree to the Wh.
 */
public record SessionEnergy(ChargingSession session, EnergyBasis basis, List<EnergyShare> shares) {

    public SessionEnergy {
        shares = List.copyOf(shares);
    }

    /**
     * The rule applied to a session on its own, spread over its whole duration (an open one up to {@code now}): what
     * VETRIC does for sessions it did not watch live.
     */
    public static SessionEnergy spread(ChargingSession s, PeakWindow peak, ZoneId zone, Instant now) {
        Instant end = s.endedAt() != null ? s.endedAt() : (now.isAfter(s.startedAt()) ? now : s.startedAt());
        return new SessionEnergy(
                s,
                EnergyBasis.SPREAD,
                EnergyAllocator.allocate(s.energyWh(), List.of(new ChargingInterval(s.startedAt(), end)), peak, zone));
    }

    public long wh(YearMonth month) {
        return peakWh(month) + offPeakWh(month);
    }

    public long peakWh(YearMonth month) {
        return shares.stream()
                .filter(s -> s.peak() && s.month().equals(month))
                .mapToLong(EnergyShare::wh)
                .sum();
    }

    public long offPeakWh(YearMonth month) {
        return shares.stream()
                .filter(s -> !s.peak() && s.month().equals(month))
                .mapToLong(EnergyShare::wh)
                .sum();
    }

    /** Whether part of the session's time fell outside the month (its energy then has parts elsewhere). */
    public boolean crosses(YearMonth month) {
        return shares.stream().anyMatch(s -> !s.month().equals(month));
    }

    /** Wh per local day within the month. */
    public Map<LocalDate, Long> perDay(YearMonth month) {
        Map<LocalDate, Long> result = new TreeMap<>();
        for (EnergyShare s : shares) {
            if (s.month().equals(month)) {
                result.merge(s.day(), s.wh(), Long::sum);
            }
        }
        return result;
    }

    /** Whether some of the session's time (or, for an instant-long one, its start) falls in the month. */
    public boolean touches(YearMonth month) {
        return shares.stream().anyMatch(s -> s.month().equals(month));
    }
}
