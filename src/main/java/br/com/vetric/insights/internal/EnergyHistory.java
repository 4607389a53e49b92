package br.com.vetric.insights.internal;

import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.EnergyShare;
import br.com.vetric.sessions.SessionEnergy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A condominium's energy by day, whole and per apartment, from the sessions' one allocation rule (so each day's Wh
 * are the statement's). Unidentified sessions count for the condominium only. Days after {@code until} are left
 * out: a forecast made on a day sees nothing of the days after it.
 */
record EnergyHistory(
        Map<LocalDate, Long> condominium,
        Map<String, Map<LocalDate, Long>> apartments,
        Map<String, long[]> peakAndTotal,
        long[] condominiumPeakAndTotal,
        @Nullable LocalDate firstDay) {

    /** The apartment a session is billed to: its resident's, "—" for a resident without one; null: unidentified. */
    static @Nullable String apartment(ChargingSession s) {
        if (s.residentId() == null) {
            return null;
        }
        return s.apartment() == null || s.apartment().isBlank() ? "—" : s.apartment();
    }

    static EnergyHistory of(List<SessionEnergy> energies, LocalDate until) {
        Map<LocalDate, Long> condo = new TreeMap<>();
        Map<String, Map<LocalDate, Long>> apartments = new TreeMap<>();
        Map<String, long[]> peak = new HashMap<>();
        long[] condoPeak = new long[2];
        LocalDate first = null;
        for (SessionEnergy e : energies) {
            String apt = apartment(e.session());
            for (EnergyShare share : e.shares()) {
                if (share.day().isAfter(until) || share.wh() == 0) {
                    continue;
                }
                condo.merge(share.day(), share.wh(), Long::sum);
                condoPeak[0] += share.peak() ? share.wh() : 0;
                condoPeak[1] += share.wh();
                if (first == null || share.day().isBefore(first)) {
                    first = share.day();
                }
                if (apt != null) {
                    apartments.computeIfAbsent(apt, k -> new TreeMap<>()).merge(share.day(), share.wh(), Long::sum);
                    long[] pt = peak.computeIfAbsent(apt, k -> new long[2]);
                    pt[0] += share.peak() ? share.wh() : 0;
                    pt[1] += share.wh();
                }
            }
        }
        return new EnergyHistory(condo, apartments, peak, condoPeak, first);
    }

    /** The share of an apartment's energy (null: the condominium's) that fell in the peak window; 0 without energy. */
    double peakShare(@Nullable String apartment) {
        long[] pt = apartment == null ? condominiumPeakAndTotal : peakAndTotal.getOrDefault(apartment, new long[2]);
        return pt[1] == 0 ? 0 : pt[0] / (double) pt[1];
    }

    /** The first day an apartment had energy (its series begins there). */
    static LocalDate firstDay(Map<LocalDate, Long> series, LocalDate otherwise) {
        return series.isEmpty() ? otherwise : ((TreeMap<LocalDate, Long>) series).firstKey();
    }
}
