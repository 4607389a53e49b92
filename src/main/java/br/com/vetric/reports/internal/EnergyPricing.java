package br.com.vetric.reports.internal;

import br.com.vetric.reports.Tariff;
import br.com.vetric.sessions.EnergyShare;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.shared.PeakWindow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How a session's month is priced when tariffs change over time. The sessions' one allocation rule places the
 * session's whole Wh per day with the month's reference peak window ({@link TariffSchedule#referenceWindow}); each
 * day is then priced with the tariff in force that day. When that tariff's peak window is the reference one (nearly
 * always), the day's peak and off-peak Wh are the allocation's own; otherwise the day's Wh are split between peak and
 * off-peak in the proportion the allocation gives with that tariff's window, rounded to the Wh. So the days keep
 * their Wh exactly (and agree with every page that uses the reference window), the parts always add up, and each
 * day's peak follows the tariff of that day. The session's cost is the sum of its days' exact costs, rounded
 * half-even to the centavo once.
 */
public final class EnergyPricing {

    private EnergyPricing() {}

    /** A session's month, priced: its peak and off-peak Wh and its cost. */
    public record Priced(long peakWh, long offPeakWh, BigDecimal cost) {

        public long wh() {
            return peakWh + offPeakWh;
        }
    }

    /**
     * @param placed      the session's energy placed with the month's reference window
     * @param withWindow  the same session placed with another window (asked only for windows the month needs)
     */
    public static Priced price(
            SessionEnergy placed,
            Function<PeakWindow, SessionEnergy> withWindow,
            TariffSchedule schedule,
            YearMonth month) {
        PeakWindow reference = schedule.referenceWindow(month);
        Map<LocalDate, long[]> days = perDay(placed, month);
        long peak = 0;
        long off = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, long[]> day : days.entrySet()) {
            Tariff tariff = schedule.at(day.getKey());
            long wh = day.getValue()[0] + day.getValue()[1];
            long dayPeak = day.getValue()[0];
            PeakWindow window = tariff.peakWindow();
            if (!window.equals(reference)) {
                long[] other = perDay(withWindow.apply(window), month).getOrDefault(day.getKey(), new long[2]);
                dayPeak = proportion(wh, other[0], other[0] + other[1]);
            }
            peak += dayPeak;
            off += wh - dayPeak;
            cost = cost.add(tariff.exactCost(dayPeak, wh - dayPeak));
        }
        return new Priced(peak, off, cost.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** {@code total × part / whole}, rounded half-up to a whole Wh (0 when whole is 0). */
    static long proportion(long total, long part, long whole) {
        if (whole <= 0 || part <= 0) {
            return 0;
        }
        return Math.min(total, (2 * total * part + whole) / (2 * whole));
    }

    /** Day → {peak Wh, off-peak Wh} of the session within the month. */
    static Map<LocalDate, long[]> perDay(SessionEnergy energy, YearMonth month) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        List<EnergyShare> shares = energy.shares();
        for (EnergyShare s : shares) {
            if (s.month().equals(month)) {
                days.computeIfAbsent(s.day(), d -> new long[2])[s.peak() ? 0 : 1] += s.wh();
            }
        }
        return days;
    }
}
