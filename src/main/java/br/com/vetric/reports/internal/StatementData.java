package br.com.vetric.reports.internal;

import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.EnergyBasis;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A month's statement, computed and reconciled, ready to be written as XLSX and PDF. {@code tariffs}: the tariffs in
 * force on the month's days, in order. {@code partial}: generated before the month was over; {@code draft}: before
 * it was closed.
 */
public record StatementData(
        String condominiumName,
        YearMonth month,
        int version,
        List<TariffSchedule.Stretch> tariffs,
        ZoneId zone,
        Instant generatedAt,
        boolean partial,
        boolean draft,
        List<Apartment> apartments,
        List<Line> unidentified,
        Totals identifiedTotals,
        Totals unidentifiedTotals,
        Totals totals) {

    /**
     * One session's share of the month. {@code sessionWh} is the session's whole energy; {@code monthWh} the part
     * attributed to this month ({@code peakWh + offPeakWh}); {@code basis} whether it was placed by the measured
     * charging time or spread over the whole session.
     */
    public record Line(
            ChargingSession session,
            long sessionWh,
            long monthWh,
            long peakWh,
            long offPeakWh,
            BigDecimal cost,
            boolean crossesMonth,
            boolean open,
            EnergyBasis basis) {

        /** The charger reports this open session's energy only when it ends: its 0 Wh are not a reading. */
        public boolean energyPending() {
            return session.energyPending();
        }
    }

    public record Resident(Long residentId, String name, List<Line> lines, Totals totals) {}

    public record Apartment(String apartment, List<Resident> residents, Totals totals) {}

    public record Totals(int sessions, long peakWh, long offPeakWh, long idleSeconds, BigDecimal cost) {

        public static final Totals ZERO = new Totals(0, 0, 0, 0, BigDecimal.ZERO.setScale(2));

        public long energyWh() {
            return peakWh + offPeakWh;
        }

        public Totals plus(Totals o) {
            return new Totals(
                    sessions + o.sessions,
                    peakWh + o.peakWh,
                    offPeakWh + o.offPeakWh,
                    idleSeconds + o.idleSeconds,
                    cost.add(o.cost));
        }

        static Totals of(Line l) {
            return new Totals(1, l.peakWh(), l.offPeakWh(), l.session().idleSeconds(), l.cost());
        }

        static Totals sum(List<Line> lines) {
            return lines.stream().map(Totals::of).reduce(ZERO, Totals::plus);
        }
    }

    public boolean empty() {
        return totals.sessions() == 0;
    }

    /** Every line of the month: the residents' (by apartment), then the unidentified ones. */
    public List<Line> allLines() {
        List<Line> all = new ArrayList<>();
        apartments.forEach(a -> a.residents().forEach(r -> all.addAll(r.lines())));
        all.addAll(unidentified);
        return all;
    }

    /**
     * A hash of what the statement shows (its lines, who and where, Wh, peak, cost, and the tariffs), but not of its
     * version, time or marks: two computations of an unchanged month give the same fingerprint.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (TariffSchedule.Stretch t : tariffs) {
            sb.append(t.from())
                    .append('|')
                    .append(t.to())
                    .append('|')
                    .append(t.tariff().mode());
            for (BigDecimal price : new BigDecimal[] {
                t.tariff().flatPrice(), t.tariff().peakPrice(), t.tariff().offPeakPrice()
            }) {
                sb.append('|')
                        .append(price == null ? "" : price.stripTrailingZeros().toPlainString());
            }
            sb.append('|').append(t.tariff().peakWindow()).append('\n');
        }
        for (Apartment a : apartments) {
            for (Resident r : a.residents()) {
                for (Line l : r.lines()) {
                    sb.append(a.apartment())
                            .append('|')
                            .append(r.residentId())
                            .append('|')
                            .append(r.name());
                    line(sb, l);
                }
            }
        }
        for (Line l : unidentified) {
            sb.append("?|").append(l.session().idTag());
            line(sb, l);
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(StringBuilder sb, Line l) {
        sb.append('|')
                .append(l.session().id())
                .append('|')
                .append(l.session().startedAt())
                .append('|')
                .append(l.session().endedAt())
                .append('|')
                .append(l.sessionWh())
                .append('|')
                .append(l.peakWh())
                .append('|')
                .append(l.offPeakWh())
                .append('|')
                .append(l.cost().toPlainString())
                .append('|')
                .append(l.basis())
                .append('\n');
    }
}
