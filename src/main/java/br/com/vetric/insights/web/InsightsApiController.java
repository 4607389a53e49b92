package br.com.vetric.insights.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.insights.internal.Insights;
import br.com.vetric.insights.internal.InsightsService;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Energy;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/insights/forecast?month=2026-03&asOf=2026-03-14}: the month-end forecast of the condominium and
 * of each apartment, made with the days up to {@code asOf} only (so any past day can be replayed), with its 80 %
 * interval; and {@code GET /api/v1/insights/backtest}. kWh with 3 decimals, R$ with 2 (null without a tariff), as
 * {@code /api/v1/consumption} writes them.
 */
@RestController
class InsightsApiController {

    static final String MODEL = "day-of-week-profile+trend, residual-bootstrap-80";

    private final InsightsService insights;
    private final CurrentCondominium current;

    InsightsApiController(InsightsService insights, CurrentCondominium current) {
        this.insights = insights;
        this.current = current;
    }

    @GetMapping("/api/v1/insights/forecast")
    @Operation(
            summary =
                    "The month-end forecast (kWh and R$) of the condominium and of each apartment, with an 80 % interval",
            description = "Made with the days up to asOf only (inclusive, in the condominium's time zone): asOf in the"
                    + " past replays the forecast made that day. The model: each day-of-week's share of the week"
                    + " (an apartment with little history follows the condominium's), the recent level and, when"
                    + " significant, its trend; the interval from resampling the model's past daily errors."
                    + " costForecast: the month to date priced as the statement, the rest with the tariff in force.")
    ForecastJson forecast(
            @Parameter(description = "YYYY-MM; default: this month") @RequestParam(required = false) @Nullable
                    String month,
            @Parameter(description = "YYYY-MM-DD, not after today; default: today, or the month's last day")
                    @RequestParam(required = false)
                    @Nullable
                    String asOf) {
        CondominiumId condo = current.require();
        LocalDate today = insights.today(condo);
        YearMonth m = month(month, today);
        LocalDate day = asOf(asOf, m, today);
        Insights.MonthForecast f = insights.forecast(condo, m, day);
        return new ForecastJson(
                m.toString(),
                day,
                insights.zone(condo).getId(),
                MODEL,
                json(f.condominium()),
                f.apartments().stream().map(InsightsApiController::json).toList());
    }

    @GetMapping("/api/v1/insights/backtest")
    @Operation(
            summary = "How the forecast did: for each of the last 12 months with energy, the forecasts made on days 7,"
                    + " 14 and 21 against the month's kWh",
            description = "mape: mean absolute percentage error; coverage: the share of forecasts whose 80 % interval"
                    + " held the truth (ideally about 0.8). apartments: the same over apartment-months.")
    BacktestJson backtest() {
        Insights.Backtest b = insights.backtest(current.require());
        return new BacktestJson(
                b.months(),
                b.condominium(),
                b.apartments(),
                b.rows().stream()
                        .map(r -> new BacktestRowJson(
                                r.month().toString(),
                                r.madeOnDay(),
                                Energy.kwh(r.forecastWh()),
                                Energy.kwh(r.lowWh()),
                                Energy.kwh(r.highWh()),
                                Energy.kwh(r.truthWh()),
                                r.held()))
                        .toList());
    }

    static YearMonth month(@Nullable String month, LocalDate today) {
        try {
            return month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month like 2026-01");
        }
    }

    /** The day the forecast is made: given (not after today), else today, or the month's last day if it is past. */
    static LocalDate asOf(@Nullable String asOf, YearMonth month, LocalDate today) {
        if (asOf == null || asOf.isBlank()) {
            return month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "must be a day like 2026-01-14");
        }
        if (day.isAfter(today)) {
            throw new InvalidInputException("asOf", "must not be after today (" + today + ")");
        }
        return day;
    }

    /** The figures of a forecast; {@code apartment} only on an apartment's. */
    private static Figures json(Insights.Forecast f) {
        return new Figures(
                f.apartment(),
                Energy.kwh(f.toDateWh()),
                Energy.kwh(f.forecastWh()),
                Energy.kwh(f.lowWh()),
                Energy.kwh(f.highWh()),
                f.costToDate(),
                f.costForecast());
    }

    record ForecastJson(
            String month, LocalDate asOf, String zone, String model, Figures condominium, List<Figures> apartments) {}

    record Figures(
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String apartment,

            BigDecimal kWhToDate,
            BigDecimal kWhForecast,
            BigDecimal low,
            BigDecimal high,
            @Nullable BigDecimal costToDate,
            @Nullable BigDecimal costForecast) {}

    record BacktestJson(
            int months,
            List<Insights.Accuracy> condominium,
            List<Insights.Accuracy> apartments,
            List<BacktestRowJson> forecasts) {}

    record BacktestRowJson(
            String month,
            int madeOnDay,
            BigDecimal kWhForecast,
            BigDecimal low,
            BigDecimal high,
            BigDecimal kWhActual,
            boolean held) {}
}
