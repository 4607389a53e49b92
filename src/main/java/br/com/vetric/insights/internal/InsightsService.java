package br.com.vetric.insights.internal;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.chargers.StatusChange;
import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.insights.internal.Insights.Accuracy;
import br.com.vetric.insights.internal.Insights.Backtest;
import br.com.vetric.insights.internal.Insights.BacktestRow;
import br.com.vetric.insights.internal.Insights.Day;
import br.com.vetric.insights.internal.Insights.Forecast;
import br.com.vetric.insights.internal.Insights.MonthForecast;
import br.com.vetric.insights.internal.Insights.Ranked;
import br.com.vetric.platform.PtBr;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.EnergyShare;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Insights from the session record, read through the sessions' one allocation rule ({@link Sessions#energy}) in the
 * condominium's own zone, priced by {@link Tariffs#cost} (the statement's rule) for the month to date and by the
 * tariff in force for the rest. Each condominium's forecast uses its own record only.
 */
@Service
public class InsightsService {

    /** The days of the month on which the backtest makes its forecasts. */
    public static final List<Integer> BACKTEST_DAYS = List.of(7, 14, 21);

    /** How many past months the backtest looks at. */
    public static final int BACKTEST_MONTHS = 12;

    private final Sessions sessions;
    private final Tariffs tariffs;
    private final Condominiums condominiums;
    private final Chargers chargers;
    private final Clock clock;

    InsightsService(Sessions sessions, Tariffs tariffs, Condominiums condominiums, Chargers chargers, Clock clock) {
        this.sessions = sessions;
        this.tariffs = tariffs;
        this.condominiums = condominiums;
        this.chargers = chargers;
        this.clock = clock;
    }

    public ZoneId zone(CondominiumId condo) {
        return condominiums.get(condo).zone();
    }

    public LocalDate today(CondominiumId condo) {
        return LocalDate.now(clock.withZone(zone(condo)));
    }

    /** The forecast of a month made on {@code asOf} (only days up to {@code asOf} are read), and its ranking. */
    public MonthForecast forecast(CondominiumId condo, YearMonth month, LocalDate asOf) {
        Condominium c = condominiums.get(condo);
        ZoneId zone = c.zone();
        LocalDate loadFrom = min(asOf.minusDays(ForecastModel.WINDOW_DAYS - 1), month.atDay(1));
        LocalDate loadTo = max(asOf, loadFrom);
        List<SessionEnergy> energies = sessions.energy(
                condo,
                loadFrom.atStartOfDay(zone).toInstant(),
                loadTo.plusDays(1).atStartOfDay(zone).toInstant(),
                tariffs.tariff(condo).peakWindow(),
                zone);
        EnergyHistory h = EnergyHistory.of(energies, asOf);
        LocalDate condoStart = condominiumStart(c, h, zone);
        Tariff tariff = tariffs.configured(condo) ? tariffs.tariff(condo) : null;
        Map<String, BigDecimal> costs = tariff == null ? Map.of() : costToDate(condo, energies, month, asOf);

        ForecastModel.Forecast cf = ForecastModel.forecast(h.condominium(), condoStart, null, month, asOf);
        Forecast condominium = priced(null, cf, costs.get(""), tariff, h.peakShare(null));
        List<Forecast> apartments = new ArrayList<>();
        Map<String, Long> forecastByApartment = new HashMap<>();
        for (Map.Entry<String, Map<LocalDate, Long>> e : h.apartments().entrySet()) {
            Map<LocalDate, Long> series = e.getValue();
            ForecastModel.Forecast af =
                    ForecastModel.forecast(series, EnergyHistory.firstDay(series, asOf), cf.shape(), month, asOf);
            if (af.forecastWh() == 0 && af.highWh() == 0) {
                continue;
            }
            apartments.add(priced(e.getKey(), af, costs.get(e.getKey()), tariff, h.peakShare(e.getKey())));
            forecastByApartment.put(e.getKey(), af.forecastWh());
        }
        apartments.sort(Comparator.comparingLong(Forecast::forecastWh)
                .reversed()
                .thenComparing(f -> String.valueOf(f.apartment())));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            days.add(
                    d.isAfter(asOf)
                            ? new Day(d, null, ForecastModel.day(cf, asOf, d))
                            : new Day(d, h.condominium().getOrDefault(d, 0L), null));
        }
        return new MonthForecast(month, asOf, condominium, apartments, days, tariff != null);
    }

    /**
     * The month's apartments ranked by energy (the month up to {@code asOf}, or now): sessions, the share of their
     * plugged time the car sat idle, the share of their energy in the peak window, and the month's forecast.
     */
    public List<Ranked> ranking(CondominiumId condo, MonthForecast forecast) {
        ZoneId zone = zone(condo);
        YearMonth month = forecast.month();
        List<SessionEnergy> energies = monthEnergies(condo, month, forecast.asOf(), zone);
        Map<String, long[]> acc = new HashMap<>(); // wh, peak wh, sessions, idle s, plugged s
        Instant now = clock.instant();
        for (SessionEnergy e : energies) {
            String apt = EnergyHistory.apartment(e.session());
            if (apt == null || !e.touches(month)) {
                continue;
            }
            long[] a = acc.computeIfAbsent(apt, k -> new long[5]);
            a[0] += e.wh(month);
            a[1] += e.peakWh(month);
            a[2]++;
            ChargingSession s = e.session();
            a[3] += s.idleSeconds();
            Instant end = s.endedAt() == null ? now : s.endedAt();
            a[4] += Math.max(0, Duration.between(s.startedAt(), end).toSeconds());
        }
        Map<String, Long> forecasts = new HashMap<>();
        forecast.apartments().forEach(f -> forecasts.put(f.apartment(), f.forecastWh()));
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(acc.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        List<Ranked> result = new ArrayList<>();
        int rank = 1;
        for (Map.Entry<String, long[]> e : sorted) {
            long[] a = e.getValue();
            result.add(new Ranked(
                    rank++,
                    e.getKey(),
                    a[0],
                    (int) a[2],
                    a[4] == 0 ? 0 : Math.min(1, a[3] / (double) a[4]),
                    a[0] == 0 ? 0 : a[1] / (double) a[0],
                    forecasts.get(e.getKey())));
        }
        return result;
    }

    /**
     * The month's occupancy by weekday × hour, and the replay of its demand against 1 to (connectors + 2) chargers
     * with a wait limit.
     */
    public Utilisation utilisation(CondominiumId condo, YearMonth month, LocalDate asOf, Duration limit) {
        ZoneId zone = zone(condo);
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = min(month.plusMonths(1).atDay(1), asOf.plusDays(1))
                .atStartOfDay(zone)
                .toInstant();
        Instant now = clock.instant();
        if (to.isAfter(now)) {
            to = now;
        }
        List<Occupancy.Use> uses = new ArrayList<>();
        for (SessionEnergy e : monthEnergies(condo, month, asOf, zone)) {
            ChargingSession s = e.session();
            Instant end = s.endedAt() == null ? now : s.endedAt();
            uses.add(new Occupancy.Use(s.startedAt(), end, s.idleSeconds()));
        }
        int connectors = chargers.list(condo).stream()
                .mapToInt(ch -> Math.max(1, ch.connectors().size()))
                .sum();
        Occupancy.Heatmap heatmap = from.isBefore(to)
                ? Occupancy.heatmap(uses, Math.max(1, connectors), from, to, zone)
                : Occupancy.heatmap(List.of(), 1, from, from, zone);
        List<Occupancy.Use> arrived =
                uses.stream().filter(u -> !u.start().isBefore(from)).toList();
        return new Utilisation(heatmap, connectors, Occupancy.sizing(arrived, connectors + 2, limit));
    }

    /** The heatmap, the connectors it was measured on, and the sizing replay. */
    public record Utilisation(Occupancy.Heatmap heatmap, int connectors, Occupancy.Sizing sizing) {}

    /** Each charger's reliability over the month up to {@code asOf}, the worst first. */
    public List<Reliability> reliability(CondominiumId condo, YearMonth month, LocalDate asOf) {
        ZoneId zone = zone(condo);
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = min(month.plusMonths(1).atDay(1), asOf.plusDays(1))
                .atStartOfDay(zone)
                .toInstant();
        if (to.isAfter(clock.instant())) {
            to = clock.instant();
        }
        Map<String, List<Instant>> abnormal = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (SessionEnergy e : monthEnergies(condo, month, asOf, zone)) {
            ChargingSession s = e.session();
            count.merge(s.chargerUuid(), 1, Integer::sum);
            if (s.endReason() != null && s.endReason().abnormal() && s.endedAt() != null) {
                abnormal.computeIfAbsent(s.chargerUuid(), k -> new ArrayList<>())
                        .add(s.endedAt());
            }
        }
        List<Reliability> result = new ArrayList<>();
        if (!from.isBefore(to)) {
            return result;
        }
        Map<String, List<StatusChange>> histories = chargers.histories(condo, from, to);
        for (ChargerView ch : chargers.list(condo)) {
            List<StatusChange> h = histories.getOrDefault(ch.uuid(), List.of());
            StatusChange before = !h.isEmpty() && h.getFirst().observedAt().isBefore(from) ? h.getFirst() : null;
            result.add(Reliability.of(
                    ch.uuid(),
                    ch.name() == null || ch.name().isBlank() ? ch.chargeBoxId() : ch.name(),
                    before,
                    before == null ? h : h.subList(1, h.size()),
                    count.getOrDefault(ch.uuid(), 0),
                    abnormal.getOrDefault(ch.uuid(), List.of()),
                    from,
                    to));
        }
        result.sort(Comparator.comparingDouble(Reliability::badness).reversed().thenComparing(Reliability::name));
        return result;
    }

    /**
     * The month's unusual patterns up to {@code asOf} ({@link Unusual}): apartments far above their usual month to
     * date (against the same days of their previous 6 months), chargers with abnormal ends above the condominium's
     * rate, sessions with far less energy than their charging time implies, unknown tags used repeatedly.
     */
    public List<Unusual.Finding> unusual(CondominiumId condo, YearMonth month, LocalDate asOf) {
        return unusual(condo, month, asOf, Unusual.Thresholds.DEFAULT);
    }

    /** As {@link #unusual(CondominiumId, YearMonth, LocalDate)} with these thresholds. */
    public List<Unusual.Finding> unusual(
            CondominiumId condo, YearMonth month, LocalDate asOf, Unusual.Thresholds thresholds) {
        ZoneId zone = zone(condo);
        List<Unusual.Finding> findings = new ArrayList<>();
        LocalDate last = min(asOf, month.atEndOfMonth());
        if (last.isBefore(month.atDay(1))) {
            return findings;
        }
        int day = last.getDayOfMonth();
        List<SessionEnergy> energies = sessions.energy(
                condo,
                month.minusMonths(6).atDay(1).atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(),
                tariffs.tariff(condo).peakWindow(),
                zone);
        EnergyHistory h = EnergyHistory.of(energies, last);
        for (Map.Entry<String, Map<LocalDate, Long>> e : h.apartments().entrySet()) {
            LocalDate first = EnergyHistory.firstDay(e.getValue(), last);
            long mtd = sumDays(e.getValue(), month, day);
            List<Long> previous = new ArrayList<>();
            for (int k = 1; k <= 6; k++) {
                YearMonth m = month.minusMonths(k);
                if (!first.isAfter(m.atDay(1))) {
                    previous.add(sumDays(e.getValue(), m, day));
                }
            }
            Long threshold = Unusual.consumptionThreshold(mtd, previous, thresholds.consumptionZ());
            if (threshold != null) {
                double[] values =
                        previous.stream().mapToDouble(Long::doubleValue).toArray();
                findings.add(new Unusual.Finding(
                        Unusual.Kind.CONSUMPTION_ABOVE_USUAL,
                        e.getKey(),
                        e.getKey(),
                        List.of(
                                PtBr.kwh(mtd),
                                PtBr.kwh(Math.round(Unusual.median(values))),
                                Integer.toString(previous.size()),
                                Integer.toString(day))));
            }
        }
        Map<String, int[]> perCharger = new HashMap<>(); // sessions, abnormal
        Map<String, String> names = new HashMap<>();
        List<double[]> powers = new ArrayList<>();
        List<ChargingSession> finished = new ArrayList<>();
        int allSessions = 0;
        int allAbnormal = 0;
        for (SessionEnergy e : energies) {
            ChargingSession s = e.session();
            if (s.startedAt().isBefore(month.atDay(1).atStartOfDay(zone).toInstant())) {
                continue;
            }
            int[] c = perCharger.computeIfAbsent(s.chargerUuid(), k -> new int[2]);
            names.putIfAbsent(s.chargerUuid(), s.chargerName() == null ? s.chargerUuid() : s.chargerName());
            c[0]++;
            allSessions++;
            if (s.endReason() != null && s.endReason().abnormal()) {
                c[1]++;
                allAbnormal++;
            }
            if (s.endedAt() != null && !s.energyPending() && s.durationSeconds() != null) {
                powers.add(new double[] {s.energyWh(), chargingSeconds(s)});
                finished.add(s);
            }
        }
        for (Map.Entry<String, int[]> e : perCharger.entrySet()) {
            int[] c = e.getValue();
            Double expected =
                    Unusual.abnormalExpected(c[1], c[0], allAbnormal, allSessions, thresholds.abnormalSigmas());
            if (expected != null) {
                findings.add(new Unusual.Finding(
                        Unusual.Kind.ABNORMAL_ENDS_ABOVE_USUAL,
                        e.getKey(),
                        names.get(e.getKey()),
                        List.of(
                                Integer.toString(c[1]),
                                Integer.toString(c[0]),
                                String.format(java.util.Locale.ROOT, "%.1f", expected)
                                        .replace('.', ','))));
            }
        }
        double medianW = Unusual.medianPowerW(powers);
        for (ChargingSession s : finished) {
            long charging = chargingSeconds(s);
            if (Unusual.lowEnergy(s.energyWh(), charging, medianW, thresholds.lowEnergyShare())) {
                findings.add(new Unusual.Finding(
                        Unusual.Kind.LOW_ENERGY_SESSION,
                        Long.toString(s.id()),
                        s.chargerName() == null ? s.chargerUuid() : s.chargerName(),
                        List.of(
                                PtBr.dateTime(s.startedAt(), zone),
                                PtBr.kwh(s.energyWh()),
                                PtBr.duration(charging),
                                PtBr.kwh(Math.round(medianW * charging / 3600.0)))));
            }
        }
        Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
        for (Sessions.UnknownTag t : sessions.unknownTags(condo)) {
            if (t.sessions() >= thresholds.unknownTagUses() && !t.lastSeenAt().isBefore(monthStart)) {
                findings.add(new Unusual.Finding(
                        Unusual.Kind.UNKNOWN_TAG_REPEATED,
                        t.tag(),
                        t.tag(),
                        List.of(Long.toString(t.sessions()), PtBr.dateTime(t.lastSeenAt(), zone))));
            }
        }
        return findings;
    }

    private static long chargingSeconds(ChargingSession s) {
        long duration = s.durationSeconds() == null ? 0 : s.durationSeconds();
        return Math.max(0, duration - s.idleSeconds());
    }

    private static long sumDays(Map<LocalDate, Long> series, YearMonth m, int days) {
        long total = 0;
        for (int d = 1; d <= Math.min(days, m.lengthOfMonth()); d++) {
            total += series.getOrDefault(m.atDay(d), 0L);
        }
        return total;
    }

    /**
     * The built-in backtest: for each of the last {@value #BACKTEST_MONTHS} months before the current one with
     * energy, the forecasts made on days 7, 14 and 21 (each reading only the days up to it) against the month's
     * energy.
     */
    public Backtest backtest(CondominiumId condo) {
        Condominium c = condominiums.get(condo);
        ZoneId zone = c.zone();
        YearMonth current = YearMonth.from(today(condo));
        YearMonth first = current.minusMonths(BACKTEST_MONTHS);
        LocalDate loadFrom = first.atDay(1).minusDays(ForecastModel.WINDOW_DAYS);
        List<SessionEnergy> energies = sessions.energy(
                condo,
                loadFrom.atStartOfDay(zone).toInstant(),
                current.atDay(1).atStartOfDay(zone).toInstant(),
                tariffs.tariff(condo).peakWindow(),
                zone);
        return backtest(energies, first, current, c.createdAt().atZone(zone).toLocalDate());
    }

    /** The backtest over already loaded energies, months [first, until). */
    static Backtest backtest(List<SessionEnergy> energies, YearMonth first, YearMonth until, LocalDate createdOn) {
        EnergyHistory all = EnergyHistory.of(energies, until.atDay(1).minusDays(1));
        List<BacktestRow> rows = new ArrayList<>();
        Map<Integer, double[]> apartments = new HashMap<>(); // forecasts, Σ ape, held
        int months = 0;
        for (YearMonth m = first; m.isBefore(until); m = m.plusMonths(1)) {
            long truth = sum(all.condominium(), m);
            if (truth == 0) {
                continue;
            }
            months++;
            for (int day : BACKTEST_DAYS) {
                LocalDate asOf = m.atDay(day);
                EnergyHistory h = EnergyHistory.of(energies, asOf);
                LocalDate start = h.firstDay() == null ? createdOn : min(createdOn, h.firstDay());
                ForecastModel.Forecast f = ForecastModel.forecast(h.condominium(), start, null, m, asOf);
                rows.add(new BacktestRow(m, day, f.forecastWh(), f.lowWh(), f.highWh(), truth));
                for (Map.Entry<String, Map<LocalDate, Long>> e :
                        all.apartments().entrySet()) {
                    long aptTruth = sum(e.getValue(), m);
                    if (aptTruth == 0) {
                        continue;
                    }
                    Map<LocalDate, Long> series = h.apartments().getOrDefault(e.getKey(), Map.of());
                    ForecastModel.Forecast af = ForecastModel.forecast(
                            series, EnergyHistory.firstDay(series, asOf.plusDays(1)), f.shape(), m, asOf);
                    BacktestRow r = new BacktestRow(m, day, af.forecastWh(), af.lowWh(), af.highWh(), aptTruth);
                    double[] a = apartments.computeIfAbsent(day, k -> new double[3]);
                    a[0]++;
                    a[1] += r.absolutePercentError();
                    a[2] += r.held() ? 1 : 0;
                }
            }
        }
        List<Accuracy> condo = new ArrayList<>();
        List<Accuracy> apts = new ArrayList<>();
        for (int day : BACKTEST_DAYS) {
            List<BacktestRow> of =
                    rows.stream().filter(r -> r.madeOnDay() == day).toList();
            if (!of.isEmpty()) {
                condo.add(new Accuracy(
                        day,
                        of.size(),
                        of.stream()
                                .mapToDouble(BacktestRow::absolutePercentError)
                                .average()
                                .orElse(0),
                        of.stream().filter(BacktestRow::held).count() / (double) of.size()));
            }
            double[] a = apartments.get(day);
            if (a != null && a[0] > 0) {
                apts.add(new Accuracy(day, (int) a[0], a[1] / a[0], a[2] / a[0]));
            }
        }
        return new Backtest(rows, condo, apts, months);
    }

    private List<SessionEnergy> monthEnergies(CondominiumId condo, YearMonth month, LocalDate asOf, ZoneId zone) {
        LocalDate end = min(month.plusMonths(1).atDay(1), asOf.plusDays(1));
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        if (!from.isBefore(to)) {
            return List.of();
        }
        return sessions.energy(condo, from, to, tariffs.tariff(condo).peakWindow(), zone);
    }

    /**
     * The R$ of the month up to asOf, by apartment ("" for the whole condominium): each session's month priced by the
     * statement's rule, the part of it after asOf (a session running over it) left out in proportion to its Wh.
     */
    private Map<String, BigDecimal> costToDate(
            CondominiumId condo, List<SessionEnergy> energies, YearMonth month, LocalDate asOf) {
        Map<String, BigDecimal> result = new HashMap<>();
        for (SessionEnergy e : energies) {
            long monthWh = e.wh(month);
            if (monthWh == 0) {
                continue;
            }
            long known = 0;
            for (EnergyShare s : e.shares()) {
                if (s.month().equals(month) && !s.day().isAfter(asOf)) {
                    known += s.wh();
                }
            }
            if (known == 0) {
                continue;
            }
            BigDecimal cost = tariffs.cost(condo, e, month);
            if (known < monthWh) {
                cost = cost.multiply(BigDecimal.valueOf(known))
                        .divide(BigDecimal.valueOf(monthWh), 2, RoundingMode.HALF_EVEN);
            }
            result.merge("", cost, BigDecimal::add);
            String apt = EnergyHistory.apartment(e.session());
            if (apt != null) {
                result.merge(apt, cost, BigDecimal::add);
            }
        }
        return result;
    }

    /** The forecast with its R$: to date by the statement's rule, the rest with the tariff in force at its peak share. */
    private static Forecast priced(
            @Nullable String apartment,
            ForecastModel.Forecast f,
            @Nullable BigDecimal costToDate,
            @Nullable Tariff tariff,
            double peakShare) {
        if (tariff == null) {
            return new Forecast(apartment, f.toDateWh(), f.forecastWh(), f.lowWh(), f.highWh(), null, null);
        }
        BigDecimal known = costToDate == null ? BigDecimal.ZERO.setScale(2) : costToDate;
        long rest = f.forecastWh() - f.toDateWh();
        long restPeak = Math.round(rest * peakShare);
        return new Forecast(
                apartment,
                f.toDateWh(),
                f.forecastWh(),
                f.lowWh(),
                f.highWh(),
                known,
                known.add(tariff.cost(restPeak, rest - restPeak)));
    }

    private static LocalDate condominiumStart(Condominium c, EnergyHistory h, ZoneId zone) {
        LocalDate created = c.createdAt().atZone(zone).toLocalDate();
        return h.firstDay() == null ? created : min(created, h.firstDay());
    }

    private static long sum(Map<LocalDate, Long> series, YearMonth m) {
        long total = 0;
        for (Map.Entry<LocalDate, Long> e : series.entrySet()) {
            if (YearMonth.from(e.getKey()).equals(m)) {
                total += e.getValue();
            }
        }
        return total;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
