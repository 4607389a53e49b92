package br.com.vetric.reports.internal;

import br.com.vetric.reports.Tariff;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.EnergyShare;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.shared.PeakWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The statement's arithmetic. Each session's energy comes already placed in time by the sessions' one allocation
 * rule ({@link SessionEnergy}: in proportion to the time the car was charging, or to the whole session when VETRIC
 * did not watch it live; exact to the Wh); the month keeps its own parts, each day priced with the tariff in force
 * that day ({@link EnergyPricing}). Cost of a session = peak kWh × peak price + off-peak kWh × off-peak price (flat:
 * kWh × price), summed over its days and rounded HALF_EVEN to cents; every total is the sum of the rounded session
 * costs. Idle time is the session's recorded idle time. The result is checked to reconcile before
 * it is returned.
 */
public final class StatementCalculator {

    static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    static final String NO_APARTMENT = "(sem apartamento)";

    private StatementCalculator() {}

    /** What a statement is computed for: whose, which month and version, its tariffs, and when. */
    public record Input(
            String condominiumName,
            YearMonth month,
            int version,
            TariffSchedule tariffs,
            ZoneId zone,
            Instant now,
            boolean draft) {}

    /** One tariff for the whole month, a draft (tests and the arithmetic examples). */
    public static StatementData compute(
            String condominiumName,
            YearMonth month,
            int version,
            Tariff tariff,
            ZoneId zone,
            Instant now,
            List<SessionEnergy> sessions) {
        return compute(
                new Input(condominiumName, month, version, TariffSchedule.of(tariff), zone, now, true),
                sessions,
                window -> Map.of());
    }

    /**
     * @param placed       the month's sessions placed with the month's reference peak window
     * @param withWindow   the same sessions (by id) placed with another window the month's tariffs use
     */
    public static StatementData compute(
            Input in, List<SessionEnergy> placed, Function<PeakWindow, Map<Long, SessionEnergy>> withWindow) {
        YearMonth month = in.month();
        Map<PeakWindow, Map<Long, SessionEnergy>> others = new HashMap<>();
        List<StatementData.Line> identified = new ArrayList<>();
        List<StatementData.Line> unidentified = new ArrayList<>();
        long expectedMonthWh = 0;
        for (SessionEnergy e : placed) {
            if (!e.touches(month)) {
                continue;
            }
            ChargingSession s = e.session();
            long partsSum = e.shares().stream().mapToLong(EnergyShare::wh).sum();
            if (partsSum != s.energyWh()) {
                throw new StatementReconciliationException(
                        "session " + s.id() + ": parts " + partsSum + " Wh != energy " + s.energyWh() + " Wh");
            }
            EnergyPricing.Priced priced = EnergyPricing.price(
                    e,
                    window -> others.computeIfAbsent(window, withWindow).getOrDefault(s.id(), e),
                    in.tariffs(),
                    month);
            if (priced.wh() != e.wh(month)) {
                throw new StatementReconciliationException(
                        "session " + s.id() + ": priced " + priced.wh() + " Wh != month share " + e.wh(month) + " Wh");
            }
            StatementData.Line line = new StatementData.Line(
                    s,
                    s.energyWh(),
                    priced.wh(),
                    priced.peakWh(),
                    priced.offPeakWh(),
                    priced.cost(),
                    e.crosses(month),
                    s.open(),
                    e.basis());
            expectedMonthWh += e.wh(month);
            (s.identified() ? identified : unidentified).add(line);
        }
        Comparator<StatementData.Line> chronological = Comparator.comparing(
                        (StatementData.Line l) -> l.session().startedAt())
                .thenComparing(l -> l.session().id());
        unidentified.sort(chronological);

        // apartment -> resident id -> lines
        Map<String, Map<Long, List<StatementData.Line>>> byApartment = new TreeMap<>(StatementCalculator::compareUnits);
        for (StatementData.Line l : identified) {
            String apt =
                    l.session().apartment() == null || l.session().apartment().isBlank()
                            ? NO_APARTMENT
                            : l.session().apartment();
            byApartment
                    .computeIfAbsent(apt, k -> new LinkedHashMap<>())
                    .computeIfAbsent(l.session().residentId(), k -> new ArrayList<>())
                    .add(l);
        }
        List<StatementData.Apartment> apartments = new ArrayList<>();
        for (Map.Entry<String, Map<Long, List<StatementData.Line>>> apt : byApartment.entrySet()) {
            List<StatementData.Resident> residents = new ArrayList<>();
            for (Map.Entry<Long, List<StatementData.Line>> r : apt.getValue().entrySet()) {
                List<StatementData.Line> lines =
                        r.getValue().stream().sorted(chronological).toList();
                String name = lines.getFirst().session().residentName();
                residents.add(new StatementData.Resident(
                        r.getKey(), name == null ? "#" + r.getKey() : name, lines, StatementData.Totals.sum(lines)));
            }
            residents.sort(Comparator.comparing(StatementData.Resident::name, String.CASE_INSENSITIVE_ORDER));
            StatementData.Totals t = residents.stream()
                    .map(StatementData.Resident::totals)
                    .reduce(StatementData.Totals.ZERO, StatementData.Totals::plus);
            apartments.add(new StatementData.Apartment(apt.getKey(), residents, t));
        }
        StatementData.Totals identifiedTotals = apartments.stream()
                .map(StatementData.Apartment::totals)
                .reduce(StatementData.Totals.ZERO, StatementData.Totals::plus);
        StatementData.Totals unidentifiedTotals = StatementData.Totals.sum(unidentified);
        StatementData.Totals totals = identifiedTotals.plus(unidentifiedTotals);
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(in.zone()).toInstant();
        StatementData data = new StatementData(
                in.condominiumName(),
                month,
                in.version(),
                in.tariffs().in(month),
                in.zone(),
                in.now(),
                in.now().isBefore(monthEnd),
                in.draft(),
                apartments,
                unidentified,
                identifiedTotals,
                unidentifiedTotals,
                totals);
        reconcile(data, expectedMonthWh);
        return data;
    }

    /** Fails loudly unless every total is exactly the sum of its parts. */
    static void reconcile(StatementData data, long expectedMonthWh) {
        long linesWh = 0;
        BigDecimal linesCost = BigDecimal.ZERO;
        int lines = 0;
        List<StatementData.Line> all = new ArrayList<>(data.unidentified());
        data.apartments().forEach(a -> a.residents().forEach(r -> all.addAll(r.lines())));
        for (StatementData.Line l : all) {
            if (l.peakWh() + l.offPeakWh() != l.monthWh() || l.monthWh() > l.sessionWh()) {
                throw new StatementReconciliationException(
                        "session " + l.session().id() + " does not reconcile");
            }
            linesWh += l.monthWh();
            linesCost = linesCost.add(l.cost());
            lines++;
        }
        long apartmentsWh =
                data.apartments().stream().mapToLong(a -> a.totals().energyWh()).sum();
        if (linesWh != expectedMonthWh
                || data.totals().energyWh() != linesWh
                || apartmentsWh + data.unidentifiedTotals().energyWh() != linesWh
                || data.totals().cost().compareTo(linesCost) != 0
                || data.totals().sessions() != lines) {
            throw new StatementReconciliationException("statement " + data.month() + " does not reconcile: sessions "
                    + expectedMonthWh + " Wh, lines " + linesWh + " Wh, apartments " + apartmentsWh
                    + " Wh + unidentified " + data.unidentifiedTotals().energyWh() + " Wh, total "
                    + data.totals().energyWh() + " Wh");
        }
    }

    /** One tariff's cost of a session's month, rounded to the centavo. */
    static BigDecimal cost(long peakWh, long offPeakWh, Tariff tariff) {
        return tariff.cost(peakWh, offPeakWh);
    }

    static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh).divide(THOUSAND); // exact: 3 decimals
    }

    /** "101" before "1002", "(sem apartamento)" last; numbers compared as numbers. */
    static int compareUnits(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(NO_APARTMENT)) {
            return 1;
        }
        if (b.equals(NO_APARTMENT)) {
            return -1;
        }
        String na = a.replaceAll("^(\\d+).*$", "$1");
        String nb = b.replaceAll("^(\\d+).*$", "$1");
        if (na.matches("\\d+") && nb.matches("\\d+") && na.length() < 10 && nb.length() < 10) {
            int c = Long.compare(Long.parseLong(na), Long.parseLong(nb));
            if (c != 0) {
                return c;
            }
        }
        return a.compareToIgnoreCase(b) != 0 ? a.compareToIgnoreCase(b) : a.compareTo(b);
    }
}
