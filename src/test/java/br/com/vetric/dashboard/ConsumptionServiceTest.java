package br.com.vetric.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.dashboard.internal.ConsumptionServiceProbe;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumptionServiceTest {

    @Test
    void perDaySeriesOfTheCurrentMonthStopsAtTodayInSaoPaulo() {
        // 2026-11-29 01:00 UTC is still the 28th in São Paulo
        LocalDate today =
                LocalDate.ofInstant(Instant.parse("2026-11-29T01:00:00Z"), br.com.vetric.shared.Zones.SAO_PAULO);
        List<LocalDate> days = ConsumptionServiceProbe.daysShown(YearMonth.of(2026, 11), today);
        assertThat(days).hasSize(28).startsWith(LocalDate.of(2026, 11, 1)).endsWith(LocalDate.of(2026, 11, 28));
    }

    @Test
    void aPastMonthShowsEveryDayAndAFutureMonthNone() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        assertThat(ConsumptionServiceProbe.daysShown(YearMonth.of(2026, 10), today))
                .hasSize(31)
                .endsWith(LocalDate.of(2026, 10, 31));
        assertThat(ConsumptionServiceProbe.daysShown(YearMonth.of(2026, 12), today))
                .isEmpty();
        assertThat(ConsumptionServiceProbe.daysShown(YearMonth.of(2026, 11), LocalDate.of(2026, 11, 1)))
                .containsExactly(LocalDate.of(2026, 11, 1));
    }
}
