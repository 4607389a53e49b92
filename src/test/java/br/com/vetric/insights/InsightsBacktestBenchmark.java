package br.com.vetric.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.insights.internal.Insights;
import br.com.vetric.insights.internal.InsightsService;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.Sessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The forecast's backtest on the demo's simulated history (docs/INSIGHTS.md): the living demo (its simulators seed
 * completed sessions since the first day of the previous month, seeds 42 and 7) is polled until its history is in,
 * then each demo condominium's built-in backtest is run. Not part of the normal build; run with
 * {@code ./mvnw -B -ntp test -Pbenchmark -Dtest=InsightsBacktestBenchmark} and read
 * {@code target/insights-backtest.md}.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"vetric.demo.live=true", "vetric.sync.enabled=true"})
@ActiveProfiles("test")
class InsightsBacktestBenchmark {

    @Autowired
    InsightsService insights;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Sessions sessions;

    @Test
    void backtestOnTheDemosSimulatedHistory() throws IOException {
        List<Condominium> demo = condominiums.active();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> demo.stream()
                        .allMatch(c -> sessions.search(c.id(), SessionFilter.none(), 0, 1)
                                        .totalElements()
                                > 20));
        StringBuilder out = new StringBuilder(
                "| condominium | month | made on day | forecast kWh | 80 % interval | actual kWh | held |\n"
                        + "|---|---|---|---|---|---|---|\n");
        StringBuilder summary = new StringBuilder();
        int rows = 0;
        double ape = 0;
        int held = 0;
        for (Condominium c : demo) {
            Insights.Backtest b = insights.backtest(c.id());
            for (Insights.BacktestRow r : b.rows()) {
                rows++;
                ape += r.absolutePercentError();
                held += r.held() ? 1 : 0;
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %.1f | %.1f – %.1f | %.1f | %s |%n",
                        c.name(),
                        r.month(),
                        r.madeOnDay(),
                        r.forecastWh() / 1000.0,
                        r.lowWh() / 1000.0,
                        r.highWh() / 1000.0,
                        r.truthWh() / 1000.0,
                        r.held() ? "yes" : "no"));
            }
            for (Insights.Accuracy a : b.apartments()) {
                summary.append(String.format(
                        Locale.ROOT,
                        "%s apartments, day %d: %d forecasts, MAPE %.1f %%, coverage %.0f %%%n",
                        c.name(),
                        a.madeOnDay(),
                        a.forecasts(),
                        100 * a.mape(),
                        100 * a.coverage()));
            }
        }
        assertThat(rows).isPositive();
        summary.insert(
                0,
                String.format(
                        Locale.ROOT,
                        "Condominiums: %d forecasts, MAPE %.1f %%, coverage %.0f %%%n",
                        rows,
                        100 * ape / rows,
                        100.0 * held / rows));
        String report = out + "\n" + summary;
        System.out.println(report);
        Files.writeString(Path.of("target", "insights-backtest.md"), report);
    }
}
