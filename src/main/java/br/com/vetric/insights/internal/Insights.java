package br.com.vetric.insights.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the insights page and API show: records only, computed by {@link InsightsService}. */
public final class Insights {

    private Insights() {}

    /**
     * A month-end forecast: Wh to date (days up to {@code asOf}), the whole month forecast and its 80 % interval, and
     * what the month will cost (null without a tariff). {@code apartment} is null for the condominium.
     */
    public record Forecast(
            @Nullable String apartment,
            long toDateWh,
            long forecastWh,
            long lowWh,
            long highWh,
            @Nullable BigDecimal costToDate,
            @Nullable BigDecimal costForecast) {}

    /** The condominium's forecast and its apartments', largest forecast first; the days of the chart. */
    public record MonthForecast(
            YearMonth month,
            LocalDate asOf,
            Forecast condominium,
            List<Forecast> apartments,
            List<Day> days,
            boolean priced) {}

    /** One day of the month: its Wh when known (up to asOf), else the forecast of that day. */
    public record Day(
            LocalDate date,
            @Nullable Long actualWh,
            @Nullable Long forecastWh) {}

    /** One forecast of a past month, made on day {@code madeOnDay}, against what happened. */
    public record BacktestRow(YearMonth month, int madeOnDay, long forecastWh, long lowWh, long highWh, long truthWh) {

        public boolean held() {
            return truthWh >= lowWh && truthWh <= highWh;
        }

        public double absolutePercentError() {
            return truthWh == 0 ? 0 : Math.abs(forecastWh - truthWh) / (double) truthWh;
        }
    }

    /**
     * The backtest: the condominium's rows; by day of forecast (7, 14, 21), its MAPE and how often the interval held
     * the truth; the same for apartment-months (MAPE over apartment-months with energy).
     */
    public record Backtest(List<BacktestRow> rows, List<Accuracy> condominium, List<Accuracy> apartments, int months) {

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    /** Accuracy of forecasts made on one day of the month: mean absolute percentage error and interval coverage. */
    public record Accuracy(int madeOnDay, int forecasts, double mape, double coverage) {}

    /** One apartment in the month's ranking. */
    public record Ranked(
            int rank,
            String apartment,
            long energyWh,
            int sessions,
            double idleShare,
            double peakShare,
            @Nullable Long forecastWh) {}
}
