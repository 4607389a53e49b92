package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.SyncCycle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/prometheus} answers a scraper with the bearer token only, and shows VETRIC's meters: every metric
 * the Grafana dashboard in {@code deploy/grafana} queries is in a scrape.
 */
@WebTest
class MetricsEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    CveProSimulator simulator;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theScrapeNeedsTheBearerTokenAndNoSession() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer not-the-token-at-all-0000").statusCode()).isEqualTo(401);
        assertThat(scrape("Basic " + WebTest.METRICS_TOKEN).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = scrape("Bearer " + WebTest.METRICS_TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(ok.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsInAScrape() throws Exception {
        WebFixtures.sync(
                simulator, condominiums, cycle); // the poll meters of the condominium exist from its first cycle
        String body = scrape("Bearer " + WebTest.METRICS_TOKEN).body();
        TreeSet<String> queried = dashboardMetrics();
        assertThat(queried)
                .contains(
                        "vetric_poll_duration_seconds_count",
                        "vetric_poll_failures_total",
                        "vetric_cycle_changes_total",
                        "vetric_sessions_open",
                        "vetric_sessions_closed_total",
                        "vetric_outbox_backlog",
                        "vetric_deliveries_total",
                        "vetric_sse_clients");
        List<String> missing = new ArrayList<>();
        for (String metric : queried) {
            if (!Pattern.compile("(?m)^" + metric + "[{ ]").matcher(body).find()) {
                missing.add(metric);
            }
        }
        assertThat(missing)
                .as("metrics the dashboard queries that the scrape lacks")
                .isEmpty();
        String condo = condominiums.primary().id().toString();
        assertThat(body).contains("vetric_poll_duration_seconds_count{condominium=\"" + condo + "\"");
        assertThat(body).containsPattern("vetric_sessions_closed_total\\{[^}]*reason=\"EV_DISCONNECTED\"");
        assertThat(body).containsPattern("vetric_deliveries_total\\{[^}]*status=\"SENT\"");
    }

    static TreeSet<String> dashboardMetrics() throws Exception {
        JsonNode dashboard =
                JsonMapper.builder().build().readTree(Files.readString(Path.of("deploy/grafana/vetric.json")));
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher m = Pattern.compile("vetric_[a-z_]+").matcher(expr.asText());
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
