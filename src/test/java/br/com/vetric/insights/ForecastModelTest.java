package br.com.vetric.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import br.com.vetric.insights.internal.ForecastModel;
import br.com.vetric.insights.internal.ForecastModel.Forecast;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The forecast on constructed series whose month-end is known. */
class ForecastModelTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

    static Map<LocalDate, Long> series(LocalDate from, LocalDate to, Function<LocalDate, Long> wh) {
        Map<LocalDate, Long> m = new HashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            m.put(d, wh.apply(d));
        }
        return m;
    }

    static long truth(Map<LocalDate, Long> s, YearMonth month) {
        return s.entrySet().stream()
                .filter(e -> YearMonth.from(e.getKey()).equals(month))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    @Test
    void aConstantSeriesIsForecastExactlyWithANullInterval() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Map<LocalDate, Long> s = series(start, MARCH.atEndOfMonth(), d -> 10_000L);
        Forecast f = ForecastModel.forecast(s, start, null, MARCH, LocalDate.of(2026, 3, 10));
        assertThat(f.toDateWh()).isEqualTo(100_000);
        assertThat(f.forecastWh()).isEqualTo(310_000);
        assertThat(f.lowWh()).isEqualTo(310_000);
        assertThat(f.highWh()).isEqualTo(310_000);
        assertThat(f.slope()).isZero();
    }

    @Test
    void aWeeklyPatternIsFollowedDayByDay() {
        // 12 kWh on working days, 3 kWh on weekends: March 2026 has 22 working days and 9 weekend days
        LocalDate start = LocalDate.of(2026, 1, 5);
        Function<LocalDate, Long> week = d -> d.getDayOfWeek().getValue() >= 6 ? 3_000L : 12_000L;
        Map<LocalDate, Long> s = series(start, MARCH.atEndOfMonth(), week);
        assertThat(truth(s, MARCH)).isEqualTo(22 * 12_000 + 9 * 3_000);
        for (int day : new int[] {7, 14, 21}) {
            Forecast f = ForecastModel.forecast(s, start, null, MARCH, MARCH.atDay(day));
            assertThat(f.forecastWh()).as("forecast on day %d", day).isCloseTo(truth(s, MARCH), within(5L));
            assertThat(f.highWh() - f.lowWh()).isLessThan(1_000);
        }
    }

    @Test
    void anApartmentWithAShortHistoryFollowsTheCondominiumsWeek() {
        double[] condoShape = {1.4, 1.4, 1.4, 1.4, 1.4, 0.0, 0.0}; // nobody charges at weekends
        LocalDate start = LocalDate.of(2026, 3, 2); // a Monday
        Map<LocalDate, Long> s = series(start, LocalDate.of(2026, 3, 6), d -> 7_000L); // one working week
        Forecast f = ForecastModel.forecast(s, start, condoShape, MARCH, LocalDate.of(2026, 3, 6));
        // its own five days say 7 kWh per working day; the weekends follow the condominium's (nothing)
        assertThat(f.forecastWh()).isCloseTo(22 * 7_000, within(2_000L));
    }

    @Test
    void aRisingTrendIsCarriedToTheEndOfTheMonth() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Function<LocalDate, Long> rising = d -> 5_000L + 200L * (d.toEpochDay() - start.toEpochDay());
        Map<LocalDate, Long> s = series(start, MARCH.atEndOfMonth(), rising);
        Forecast f = ForecastModel.forecast(s, start, null, MARCH, LocalDate.of(2026, 3, 14));
        assertThat(f.slope()).isCloseTo(200, within(5.0));
        assertThat(f.forecastWh()).isCloseTo(truth(s, MARCH), within(truth(s, MARCH) / 100));
        // a model without the trend would miss by Σ 200 × days ahead ≈ 17 × 9 × 200 Wh
        long flat = f.toDateWh() + 17L * rising.apply(LocalDate.of(2026, 3, 14));
        assertThat(truth(s, MARCH) - flat).isGreaterThan(25_000);
    }

    @Test
    void aResidentWhoJoinsMidMonthIsForecastFromTheDayTheyJoined() {
        LocalDate joined = LocalDate.of(2026, 3, 15);
        Map<LocalDate, Long> s = series(joined, MARCH.atEndOfMonth(), d -> 8_000L);
        Forecast f = ForecastModel.forecast(s, joined, null, MARCH, LocalDate.of(2026, 3, 21));
        assertThat(f.toDateWh()).isEqualTo(7 * 8_000);
        assertThat(f.forecastWh()).isEqualTo(17 * 8_000); // not 31 days, not diluted by the days before joining
    }

    @Test
    void aHolidayIsForecastAsASunday() {
        // April 2026: Good Friday (3rd) and Tiradentes (21st, a Tuesday) are holidays; working days 15 kWh, else 2
        YearMonth april = YearMonth.of(2026, 4);
        LocalDate start = LocalDate.of(2026, 1, 5);
        Function<LocalDate, Long> week =
                d -> d.getDayOfWeek().getValue() >= 6 || br.com.vetric.shared.BrazilianHolidays.isHoliday(d)
                        ? 2_000L
                        : 15_000L;
        Map<LocalDate, Long> s = series(start, april.atEndOfMonth(), week);
        Forecast f = ForecastModel.forecast(s, start, null, april, LocalDate.of(2026, 4, 14));
        assertThat(f.forecastWh()).isCloseTo(truth(s, april), within(5L));
        assertThat(ForecastModel.dayType(LocalDate.of(2026, 4, 21))).isEqualTo(DayOfWeek.SUNDAY.getValue() - 1);
    }

    @Test
    void theIntervalHoldsTheTruthAboutFourTimesInFiveOnNoisySeries() {
        Random random = new Random(7);
        int held = 0;
        int runs = 200;
        for (int run = 0; run < runs; run++) {
            LocalDate start = LocalDate.of(2026, 1, 1);
            Map<LocalDate, Long> s = series(start, MARCH.atEndOfMonth(), d ->
                    (long) Math.max(0, 10_000 + 4_000 * random.nextGaussian()));
            Forecast f = ForecastModel.forecast(s, start, null, MARCH, LocalDate.of(2026, 3, 14));
            long t = truth(s, MARCH);
            if (t >= f.lowWh() && t <= f.highWh()) {
                held++;
            }
        }
        assertThat(held / (double) runs).isBetween(0.70, 0.90);
    }

    @Test
    void noHistoryForecastsOnlyWhatIsKnown() {
        Forecast f =
                ForecastModel.forecast(Map.of(), LocalDate.of(2026, 3, 20), null, MARCH, LocalDate.of(2026, 3, 10));
        assertThat(f.forecastWh()).isZero();
        assertThat(f.highWh()).isZero();
    }
}
