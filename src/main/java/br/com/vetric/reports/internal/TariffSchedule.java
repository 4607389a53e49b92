package br.com.vetric.reports.internal;

import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.TariffPeriod;
import br.com.vetric.shared.PeakWindow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A condominium's tariffs over time: each applies from its effective date (a local day) until the next one's; before
 * the first there is none ({@link Tariff#NOT_CONFIGURED}: energy costs R$ 0,00).
 */
public record TariffSchedule(List<TariffPeriod> periods) {

    /** Where a tariff saved without a date applies when it is a condominium's first: every earlier month too. */
    public static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    public TariffSchedule {
        periods = periods.stream()
                .sorted(Comparator.comparing(TariffPeriod::effectiveFrom))
                .toList();
    }

    /** One tariff for every day (tests, and a condominium that never changed its tariff). */
    public static TariffSchedule of(Tariff tariff) {
        return tariff == Tariff.NOT_CONFIGURED
                ? new TariffSchedule(List.of())
                : new TariffSchedule(List.of(new TariffPeriod(BEGINNING, tariff)));
    }

    /** The tariff in force on a day. */
    public Tariff at(LocalDate day) {
        Tariff result = Tariff.NOT_CONFIGURED;
        for (TariffPeriod p : periods) {
            if (p.effectiveFrom().isAfter(day)) {
                break;
            }
            result = p.tariff();
        }
        return result;
    }

    /** The period in force on a day, null before the first. */
    public TariffPeriod periodAt(LocalDate day) {
        TariffPeriod result = null;
        for (TariffPeriod p : periods) {
            if (p.effectiveFrom().isAfter(day)) {
                break;
            }
            result = p;
        }
        return result;
    }

    /** A tariff's stretch within a month: from {@code from} to {@code to}, both inclusive. */
    public record Stretch(LocalDate from, LocalDate to, Tariff tariff) {}

    /** The tariffs in force on the month's days, in order, each with the days it covers (clipped to the month). */
    public List<Stretch> in(YearMonth month) {
        List<Stretch> result = new ArrayList<>();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        LocalDate from = first;
        Tariff current = at(first);
        for (TariffPeriod p : periods) {
            LocalDate start = p.effectiveFrom();
            if (start.isAfter(first) && !start.isAfter(last)) {
                result.add(new Stretch(from, start.minusDays(1), current));
                from = start;
                current = p.tariff();
            }
        }
        result.add(new Stretch(from, last, current));
        return result;
    }

    /**
     * The peak window each day's Wh are placed with before the day is priced: the one in force on the month's last
     * day. When every day of the month has it (nearly always), each session's shares are priced as they are.
     */
    public PeakWindow referenceWindow(YearMonth month) {
        return at(month.atEndOfMonth()).peakWindow();
    }

    /** The distinct peak windows of the tariffs in force in the month. */
    public Set<PeakWindow> windows(YearMonth month) {
        Set<PeakWindow> result = new LinkedHashSet<>();
        in(month).forEach(s -> result.add(s.tariff().peakWindow()));
        return result;
    }

    /** The months whose prices a change on {@code day} can move: from its month up to the next change's. */
    public YearMonth lastMonthAffectedBy(LocalDate day, YearMonth fallback) {
        for (TariffPeriod p : periods) {
            if (p.effectiveFrom().isAfter(day)) {
                return YearMonth.from(p.effectiveFrom());
            }
        }
        return fallback;
    }
}
