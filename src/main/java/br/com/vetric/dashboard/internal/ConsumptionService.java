package br.com.vetric.dashboard.internal;

import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Monthly consumption from the session record (São Paulo month and day boundaries), by the sessions' one
 * allocation rule ({@link SessionEnergy}): the same whole Wh per session, day, apartment and tariff period as the
 * statement. An open session counts up to now. Each session's month is priced with the tariff ({@link Tariffs#cost}),
 * so an apartment's R$ is the sum of its sessions' R$, as on the statement.
 */
@Service
public class ConsumptionService {

    private final Sessions sessions;
    private final Tariffs tariffs;
    private final Clock clock;

    ConsumptionService(Sessions sessions, Tariffs tariffs, Clock clock) {
        this.sessions = sessions;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(Zones.SAO_PAULO));
    }

    public Consumption month(CondominiumId condo, YearMonth month) {
        ZoneId zone = Zones.SAO_PAULO;
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d : daysShown(month, LocalDate.ofInstant(clock.instant(), zone))) {
            perDay.put(d, 0L);
        }
        Map<String, long[]> perApartment = new HashMap<>(); // [wh, peak wh, sessions]
        Map<String, BigDecimal> costs = new HashMap<>();
        Tariff tariff = tariffs.configured(condo) ? tariffs.tariff(condo) : null;
        long unidentified = 0;
        BigDecimal unidentifiedCost = BigDecimal.ZERO;
        int unidentifiedSessions = 0;
        int pending = 0;
        int count = 0;
        for (SessionEnergy e :
                sessions.energy(condo, from, to, tariffs.tariff(condo).peakWindow(), zone)) {
            if (!e.touches(month)) {
                continue;
            }
            count++;
            e.perDay(month).forEach((day, wh) -> perDay.merge(day, wh, Long::sum));
            ChargingSession s = e.session();
            if (s.energyPending()) {
                pending++;
            }
            BigDecimal cost = tariff == null ? BigDecimal.ZERO : tariffs.cost(condo, e, month);
            if (s.residentId() == null) {
                unidentified += e.wh(month);
                unidentifiedCost = unidentifiedCost.add(cost);
                unidentifiedSessions++;
            } else {
                String apt = s.apartment() == null || s.apartment().isBlank() ? "—" : s.apartment();
                long[] acc = perApartment.computeIfAbsent(apt, k -> new long[3]);
                acc[0] += e.wh(month);
                acc[1] += e.peakWh(month);
                acc[2] += 1;
                costs.merge(apt, cost, BigDecimal::add);
            }
        }
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(perApartment.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        long identifiedWh = ranked.stream().mapToLong(e -> e.getValue()[0]).sum();
        List<Consumption.Apartment> apartments = new ArrayList<>();
        int rank = 1;
        for (Map.Entry<String, long[]> e : ranked) {
            long[] v = e.getValue();
            apartments.add(new Consumption.Apartment(
                    rank++,
                    e.getKey(),
                    v[0],
                    v[1],
                    v[0] - v[1],
                    (int) v[2],
                    identifiedWh == 0 ? 0 : (double) v[0] / identifiedWh,
                    tariff == null ? null : costs.get(e.getKey())));
        }
        BigDecimal identifiedCost = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Consumption.Day> days = perDay.entrySet().stream()
                .map(e -> new Consumption.Day(e.getKey(), e.getValue()))
                .toList();
        return new Consumption(
                month,
                identifiedWh + unidentified,
                identifiedWh,
                unidentified,
                unidentifiedSessions,
                count,
                pending,
                tariff,
                tariff == null ? null : identifiedCost.add(unidentifiedCost),
                tariff == null ? null : unidentifiedCost,
                apartments,
                days);
    }

    /**
     * The days of the month the per-day series shows: every day of a past month, the current month up to today
     * (São Paulo), none of a future month. Days that have not happened yet are not shown as 0 kWh.
     */
    static List<LocalDate> daysShown(YearMonth month, LocalDate today) {
        LocalDate last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        return last.isBefore(month.atDay(1))
                ? List.of()
                : month.atDay(1).datesUntil(last.plusDays(1)).toList();
    }
}
