package br.com.vetric.reports.internal;

import br.com.vetric.reports.Tariff;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.EnergyShare;
import br.com.vetric.sessions.SessionEnergy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statement's arithmetic. Each session's energy comes already placed in time by the sessions' one allocation
 * rule ({@link SessionEnergy}: in proportion to the time the car was charging, or to the whole session when VETRIC
 * did not watch it live; exact to the Wh); the month keeps its own parts. Cost of a session = peak kWh × peak price
 * + off-peak kWh × off-peak price (flat: kWh × price), rounded HALF_EVEN to cents; every total is the sum of the
 * rounded session costs. Idle time is the session's recorded idle time. The result is checked to reconcile before
 * it is returned.
 */
public final class StatementCalculator {

    static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    static final String NO_APARTMENT = "(sem apartamento)";

    private StatementCalculator() {}

    public static StatementData compute(
            String condominiumName,
            YearMonth month,
            int version,
            Tariff tariff,
            ZoneId zone,
            Instant now,
            List<SessionEnergy> sessions) {
        List<StatementData.Line> identified = new ArrayList<>();
        List<StatementData.Line> unidentified = new ArrayList<>();
        long expectedMonthWh = 0;
        for (SessionEnergy e : sessions) {
            if (!e.touches(month)) {
                continue;
            }
            ChargingSession s = e.session();
            long partsSum = e.shares().stream().mapToLong(EnergyShare::wh).sum();
            if (partsSum != s.energyWh()) {
                throw new StatementReconciliationException(
                        "session " + s.id() + ": parts " + partsSum + " Wh != energy " + s.energyWh() + " Wh");
            }
            long peak = e.peakWh(month);
            long off = e.offPeakWh(month);
            StatementData.Line line = new StatementData.Line(
                    s,
                    s.energyWh(),
                    peak + off,
                    peak,
                    off,
                    cost(peak, off, tariff),
                    e.crosses(month),
                    s.open(),
                    e.basis());
            expectedMonthWh += peak + off;
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
        StatementData data = new StatementData(
                condominiumName,
                month,
                version,
                tariff,
                zone,
                now,
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
