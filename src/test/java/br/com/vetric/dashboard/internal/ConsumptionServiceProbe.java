package br.com.vetric.dashboard.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Test access to the package-private days rule. */
public final class ConsumptionServiceProbe {

    private ConsumptionServiceProbe() {}

    public static List<LocalDate> daysShown(YearMonth month, LocalDate today) {
        return ConsumptionService.daysShown(month, today);
    }
}
