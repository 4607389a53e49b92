package br.com.vetric.dashboard.internal;

import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Monthly consumption from the session record (São Paulo month and day boundaries). Rule: a session's energy is
 * attributed to each day in proportion to the part of its duration that fell in that day; a session without
 * duration counts entirely on the day it started.
 */
@Service
public class ConsumptionService {

    private final Sessions sessions;
    private final Clock clock;

    ConsumptionService(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(Zones.SAO_PAULO));
    }

    public Consumption month(CondominiumId condo, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(Zones.SAO_PAULO).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(Zones.SAO_PAULO).toInstant();
        Instant now = clock.instant();
        Map<LocalDate, Double> perDay = new TreeMap<>();
        for (LocalDate d : daysShown(month, LocalDate.ofInstant(now, Zones.SAO_PAULO))) {
            perDay.put(d, 0.0);
        }
        Map<String, double[]> perApartment = new HashMap<>(); // [wh, sessions]
        double unidentified = 0;
        int unidentifiedSessions = 0;
        int count = 0;
        for (ChargingSession s : sessions.overlapping(condo, from, to)) {
            Map<LocalDate, Double> split = split(s, from, to, now);
            double inMonth = split.values().stream().mapToDouble(Double::doubleValue).sum();
            if (split.isEmpty()) {
                continue;
            }
            count++;
            split.forEach((day, wh) -> perDay.merge(day, wh, Double::sum));
            if (s.residentId() == null) {
                unidentified += inMonth;
                unidentifiedSessions++;
            } else {
                String apt = s.apartment() == null || s.apartment().isBlank() ? "—" : s.apartment();
                double[] acc = perApartment.computeIfAbsent(apt, k -> new double[2]);
                acc[0] += inMonth;
                acc[1] += 1;
            }
        }
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(perApartment.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        long identifiedWh = Math.round(ranked.stream().mapToDouble(e -> e.getValue()[0]).sum());
        List<Consumption.Apartment> apartments = new ArrayList<>();
        int rank = 1;
        for (Map.Entry<String, double[]> e : ranked) {
            long wh = Math.round(e.getValue()[0]);
            apartments.add(new Consumption.Apartment(rank++, e.getKey(), wh, (int) e.getValue()[1],
                    identifiedWh == 0 ? 0 : (double) wh / identifiedWh));
        }
        List<Consumption.Day> days = perDay.entrySet().stream()
                .map(e -> new Consumption.Day(e.getKey(), Math.round(e.getValue()))).toList();
        long unidentifiedWh = Math.round(unidentified);
        return new Consumption(month, identifiedWh + unidentifiedWh, identifiedWh, unidentifiedWh,
                unidentifiedSessions, count, apartments, days);
    }

    /**
     * The days of the month the per-day series shows: every day of a past month, the current month up to today
     * (São Paulo), none of a future month. Days that have not happened yet are not shown as 0 kWh.
     */
    static List<LocalDate> daysShown(YearMonth month, LocalDate today) {
        LocalDate last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        return last.isBefore(month.atDay(1)) ? List.of() : month.atDay(1).datesUntil(last.plusDays(1)).toList();
    }

    /** The session's energy (Wh, fractional) per São Paulo day inside [from, to). */
    static Map<LocalDate, Double> split(ChargingSession s, Instant from, Instant to, Instant now) {
        Map<LocalDate, Double> out = new LinkedHashMap<>();
        Instant start = s.startedAt();
        Instant end = s.endedAt() != null ? s.endedAt() : (now.isAfter(start) ? now : start);
        if (s.energyWh() <= 0) {
            if (!start.isBefore(from) && start.isBefore(to)) {
                out.put(LocalDate.ofInstant(start, Zones.SAO_PAULO), 0.0);
            }
            return out;
        }
        long total = Duration.between(start, end).toMillis();
        if (total <= 0) {
            if (!start.isBefore(from) && start.isBefore(to)) {
                out.put(LocalDate.ofInstant(start, Zones.SAO_PAULO), (double) s.energyWh());
            }
            return out;
        }
        Instant a = start.isBefore(from) ? from : start;
        Instant b = end.isAfter(to) ? to : end;
        while (a.isBefore(b)) {
            LocalDate day = LocalDate.ofInstant(a, Zones.SAO_PAULO);
            Instant dayEnd = day.plusDays(1).atStartOfDay(Zones.SAO_PAULO).toInstant();
            Instant segEnd = dayEnd.isBefore(b) ? dayEnd : b;
            double part = s.energyWh() * (double) Duration.between(a, segEnd).toMillis() / total;
            out.merge(day, part, Double::sum);
            a = segEnd;
        }
        return out;
    }
}
