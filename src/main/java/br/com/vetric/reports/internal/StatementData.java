package br.com.vetric.reports.internal;

import br.com.vetric.reports.Tariff;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.EnergyBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** A month's statement, computed and reconciled, ready to be written as XLSX and PDF. */
public record StatementData(
        String condominiumName,
        YearMonth month,
        int version,
        Tariff tariff,
        ZoneId zone,
        Instant generatedAt,
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
            EnergyBasis basis) {}

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
}
