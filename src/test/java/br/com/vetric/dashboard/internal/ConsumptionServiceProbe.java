package br.com.vetric.dashboard.internal;

import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Test access to the package-private split rule. */
public final class ConsumptionServiceProbe {

    private ConsumptionServiceProbe() {
    }

    public static Map<LocalDate, Double> split(Instant start, Instant end, long wh, Instant from, Instant to) {
        ChargingSession s = new ChargingSession(1, 1L, "u", "Garagem 1", 1, "TAG", 1L, "R", "101",
                SessionStatus.FINISHED, start, end, wh, null, null, 0, null, null);
        return ConsumptionService.split(s, from, to, end);
    }

    public static List<LocalDate> daysShown(YearMonth month, LocalDate today) {
        return ConsumptionService.daysShown(month, today);
    }
}
