package br.com.vetric.insights.web;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.insights.internal.AlertSettings;
import br.com.vetric.insights.internal.Alerts;
import br.com.vetric.insights.internal.Insights;
import br.com.vetric.insights.internal.InsightsPdf;
import br.com.vetric.insights.internal.InsightsService;
import br.com.vetric.insights.internal.Occupancy;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.PtBrNumber;
import br.com.vetric.shared.CondominiumId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Indicadores" ({@code /insights}): the month-end forecast with its interval and how the forecast did in past months,
 * the apartments' ranking, when the chargers are busy (hour × weekday) and how many would have been enough, and each
 * charger's reliability, worst first.
 */
@Controller
class InsightsPageController {

    static final int DEFAULT_WAIT_MINUTES = 15;

    private final InsightsService insights;
    private final Alerts alerts;
    private final CurrentCondominium current;
    private final MessageSource messages;
    private final Clock clock;

    InsightsPageController(
            InsightsService insights, Alerts alerts, CurrentCondominium current, MessageSource messages, Clock clock) {
        this.insights = insights;
        this.alerts = alerts;
        this.current = current;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/insights")
    String page(
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable Integer wait,
            Model model,
            Locale locale) {
        CondominiumId condo = current.require();
        LocalDate today = insights.today(condo);
        InsightsPdf.Content c = content(condo, month, wait, today, locale);
        YearMonth m = c.forecast().month();
        model.addAttribute("f", c.forecast());
        model.addAttribute("month", m.toString());
        model.addAttribute("previous", m.minusMonths(1).toString());
        model.addAttribute("next", m.plusMonths(1).toString());
        model.addAttribute("ranking", c.ranking());
        model.addAttribute("backtest", c.backtest());
        model.addAttribute("u", c.utilisation());
        model.addAttribute("heatmap", heatmapRows(c.utilisation().heatmap()));
        model.addAttribute("wait", c.waitMinutes());
        model.addAttribute("reliability", c.reliability());
        model.addAttribute("unusual", c.unusual());
        model.addAttribute("chart", chart(c.forecast()));
        model.addAttribute("alertFields", alertFields(alerts.settings(condo)));
        return "insights/index";
    }

    /** One row of the alerts' form: a kind's on/off box and its threshold (as typed in Brazil). */
    record AlertField(String enabledName, boolean enabled, String thresholdName, String threshold, String unit) {}

    static List<AlertField> alertFields(AlertSettings s) {
        return List.of(
                new AlertField(
                        "consumptionEnabled",
                        s.consumptionEnabled(),
                        "consumptionZ",
                        s.consumptionZ().toPlainString().replace('.', ','),
                        "z"),
                new AlertField(
                        "abnormalEndsEnabled",
                        s.abnormalEndsEnabled(),
                        "abnormalEndsSigmas",
                        s.abnormalEndsSigmas().toPlainString().replace('.', ','),
                        "z"),
                new AlertField(
                        "lowEnergyEnabled",
                        s.lowEnergyEnabled(),
                        "lowEnergyPercent",
                        Integer.toString(s.lowEnergyPercent()),
                        "percent"),
                new AlertField(
                        "unknownTagEnabled",
                        s.unknownTagEnabled(),
                        "unknownTagUses",
                        Integer.toString(s.unknownTagUses()),
                        "uses"));
    }

    /** The small form under "Fora do usual": each alert on or off, with its threshold (typed the Brazilian way). */
    @PostMapping("/insights/alert-settings")
    String alertSettings(
            @RequestParam(defaultValue = "false") boolean consumptionEnabled,
            @RequestParam(required = false) @Nullable String consumptionZ,
            @RequestParam(defaultValue = "false") boolean abnormalEndsEnabled,
            @RequestParam(required = false) @Nullable String abnormalEndsSigmas,
            @RequestParam(defaultValue = "false") boolean lowEnergyEnabled,
            @RequestParam(required = false) @Nullable String lowEnergyPercent,
            @RequestParam(defaultValue = "false") boolean unknownTagEnabled,
            @RequestParam(required = false) @Nullable String unknownTagUses,
            RedirectAttributes flash) {
        try {
            alerts.save(
                    current.require(),
                    new AlertSettings(
                            consumptionEnabled,
                            number("consumptionZ", consumptionZ),
                            abnormalEndsEnabled,
                            number("abnormalEndsSigmas", abnormalEndsSigmas),
                            lowEnergyEnabled,
                            whole("lowEnergyPercent", lowEnergyPercent),
                            unknownTagEnabled,
                            whole("unknownTagUses", unknownTagUses)));
            flash.addFlashAttribute("alertSaved", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("alertErrorField", e.field());
        }
        return "redirect:/insights#alert-settings";
    }

    private static BigDecimal number(String field, @Nullable String typed) {
        try {
            return PtBrNumber.parse(typed);
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "is not a number");
        }
    }

    private static int whole(String field, @Nullable String typed) {
        BigDecimal n = number(field, typed);
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    /** The same page as a PDF, for the condominium's meeting. */
    @GetMapping("/insights.pdf")
    ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable Integer wait,
            Locale locale) {
        CondominiumId condo = current.require();
        InsightsPdf.Content c = content(condo, month, wait, insights.today(condo), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("indicadores-" + c.forecast().month() + ".pdf")
                                .build()
                                .toString())
                .body(InsightsPdf.write(c));
    }

    private InsightsPdf.Content content(
            CondominiumId condo, @Nullable String month, @Nullable Integer wait, LocalDate today, Locale locale) {
        YearMonth m;
        try {
            m = InsightsApiController.month(month, today);
        } catch (RuntimeException e) {
            m = YearMonth.from(today);
        }
        int waitMinutes = wait == null || wait < 1 || wait > 240 ? DEFAULT_WAIT_MINUTES : wait;
        LocalDate asOf = InsightsApiController.asOf(null, m, today);
        Insights.MonthForecast f = insights.forecast(condo, m, asOf);
        Condominium c = current.requireCondominium();
        return new InsightsPdf.Content(
                c.name(),
                c.zone(),
                clock.instant(),
                f,
                insights.ranking(condo, f),
                insights.backtest(condo),
                insights.utilisation(condo, m, asOf, Duration.ofMinutes(waitMinutes)),
                waitMinutes,
                insights.reliability(condo, m, asOf),
                alerts.findings(condo, m, asOf).stream()
                        .map(u -> messages.getMessage("insights.unusual." + u.kind(), u.args(), locale))
                        .toList(),
                messages.getMessage("insights.model", null, locale));
    }

    /** The chart's data: per day, the kWh to date so far and, after asOf, the forecast and its band (cumulative). */
    static Map<String, Object> chart(Insights.MonthForecast f) {
        List<Integer> labels = new ArrayList<>();
        List<@Nullable Double> actual = new ArrayList<>();
        List<@Nullable Double> forecast = new ArrayList<>();
        List<@Nullable Double> low = new ArrayList<>();
        List<@Nullable Double> high = new ArrayList<>();
        long cumulative = 0;
        long remainingForecast = f.condominium().forecastWh() - f.condominium().toDateWh();
        long spreadLow = f.condominium().lowWh() - f.condominium().forecastWh();
        long spreadHigh = f.condominium().highWh() - f.condominium().forecastWh();
        long ahead = 0;
        for (Insights.Day d : f.days()) {
            labels.add(d.date().getDayOfMonth());
            if (d.actualWh() != null) {
                cumulative += d.actualWh();
                actual.add(cumulative / 1000.0);
                boolean last =
                        d.date().equals(f.asOf()) || d.date().equals(f.month().atEndOfMonth());
                forecast.add(last ? cumulative / 1000.0 : null);
                low.add(last ? cumulative / 1000.0 : null);
                high.add(last ? cumulative / 1000.0 : null);
            } else {
                ahead += d.forecastWh() == null ? 0 : d.forecastWh();
                double progress = remainingForecast <= 0 ? 1 : ahead / (double) remainingForecast;
                double value = cumulative + ahead;
                actual.add(null);
                forecast.add(value / 1000.0);
                low.add((value + progress * spreadLow) / 1000.0);
                high.add((value + progress * spreadHigh) / 1000.0);
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("days", labels);
        chart.put("actual", actual);
        chart.put("forecast", forecast);
        chart.put("low", low);
        chart.put("high", high);
        return chart;
    }

    /** One row per weekday (Monday first) of 24 cells. */
    static List<List<Cell>> heatmapRows(Occupancy.Heatmap h) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int w = 0; w < 7; w++) {
            List<Cell> row = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                row.add(new Cell(hour, h.charging()[w][hour], h.idle()[w][hour], h.free(w, hour)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One hour of one weekday: shares of connector time charging, idle while plugged, and free. */
    record Cell(int hour, double charging, double idle, double free) {

        /** The cell's CSS class (no inline styles: CSP): green when charging dominates, amber when idle does, 0-5 by how busy. */
        public String css() {
            long level = Math.round((charging + idle) * 5);
            return (idle > charging ? "heat-idle-" : "heat-charging-") + level;
        }
    }
}
