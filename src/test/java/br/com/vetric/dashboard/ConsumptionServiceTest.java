package br.com.vetric.dashboard;

import br.com.vetric.dashboard.internal.ConsumptionServiceProbe;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConsumptionServiceTest {

    @Test
    void sessionAcrossSaoPauloMidnightIsSplitInProportionToItsTimeInEachDay() {
        // 22:00 to 02:00 São Paulo time (UTC-3), 8 kWh: 2 h on each day
        Instant start = Instant.parse("2026-01-31T01:00:00Z");
        Instant end = Instant.parse("2026-01-31T05:00:00Z");
        Map<LocalDate, Double> split = ConsumptionServiceProbe.split(start, end, 8000,
                Instant.parse("2026-01-01T03:00:00Z"), Instant.parse("2026-02-01T03:00:00Z"));
        assertThat(split.get(LocalDate.of(2026, 1, 30))).isCloseTo(4000.0, within(0.01));
        assertThat(split.get(LocalDate.of(2026, 1, 31))).isCloseTo(4000.0, within(0.01));
    }

    @Test
    void onlyTheShareInsideTheMonthCounts() {
        // 31/01 23:00 to 01/02 01:00 São Paulo: half in January
        Instant start = Instant.parse("2026-02-01T02:00:00Z");
        Instant end = Instant.parse("2026-02-01T04:00:00Z");
        Map<LocalDate, Double> split = ConsumptionServiceProbe.split(start, end, 10000,
                Instant.parse("2026-01-01T03:00:00Z"), Instant.parse("2026-02-01T03:00:00Z"));
        assertThat(split).containsOnlyKeys(LocalDate.of(2026, 1, 31));
        assertThat(split.get(LocalDate.of(2026, 1, 31))).isCloseTo(5000.0, within(0.01));
    }

    @Test
    void perDaySeriesOfTheCurrentMonthStopsAtTodayInSaoPaulo() {
        // 2026-11-29 01:00 UTC is still the 28th in São Paulo
        LocalDate today = LocalDate.ofInstant(Instant.parse("2026-11-29T01:00:00Z"), br.com.vetric.shared.Zones.SAO_PAULO);
        List<LocalDate> days = ConsumptionServiceProbe.daysShown(YearMonth.of(2026, 11), today);
        assertThat(days).hasSize(28).startsWith(LocalDate.of(2026, 11, 1)).endsWith(LocalDate.of(2026, 11, 28));
    }

    @Test
    void aPastMonthShowsEveryDayAndAFutureMonthNone() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        assertThat(ConsumptionServiceProbe.daysShown(YearMonth.of(2026, 10), today)).hasSize(31)
                .endsWith(LocalDate.of(2026, 10, 31));
        assertThat(ConsumptionServiceProbe.daysShown(YearMonth.of(2026, 12), today)).isEmpty();
        assertThat(ConsumptionServiceProbe.daysShown(YearMonth.of(2026, 11), LocalDate.of(2026, 11, 1)))
                .containsExactly(LocalDate.of(2026, 11, 1));
    }
}
