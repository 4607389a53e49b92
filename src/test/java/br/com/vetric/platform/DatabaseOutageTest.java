package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.VetricApplication;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.sync.SyncCycle;
import br.com.vetric.sync.SyncMonitor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running VETRIC: {@code /health} answers 503 within 3 s, readiness goes DOWN,
 * pages show the friendly error within 5 s (not after the pool's usual 30 s). And the public {@code /health}
 * carries status and coarse fields only, never the upstream's error text.
 */
class DatabaseOutageTest {

    @TempDir
    Path dir;

    EmbeddedPostgres startDatabase(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .start();
    }

    @Test
    void aDatabaseOutageIsAnsweredWithinSecondsByHealthReadinessAndPages() throws Exception {
        EmbeddedPostgres db = startDatabase(0);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VetricApplication.class)
                .run(
                        "--spring.profiles.active=test",
                        "--server.port=0",
                        "--vetric.db.embedded-ephemeral=false",
                        "--vetric.db.url=jdbc:postgresql://localhost:" + db.getPort() + "/postgres",
                        "--vetric.db.username=postgres",
                        // a real installation whose CVE-PRO is unreachable
                        "--vetric.cpms.url=http://127.0.0.1:9",
                        "--vetric.cpms.api-key=k",
                        "--vetric.cpms.email=e@x",
                        "--vetric.cpms.password=p")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient monitor = HttpClient.newHttpClient();
            HttpClient browser =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

            app.getBean(SyncCycle.class)
                    .run(app.getBean(Condominiums.class).primary().id());
            String upstreamError = app.getBean(SyncMonitor.class).status().lastError();
            assertThat(upstreamError).isNotBlank();
            HttpResponse<String> degraded = get(monitor, base + "/health");
            assertThat(degraded.statusCode()).isEqualTo(200);
            assertThat(degraded.body()).contains("\"status\":\"DEGRADED\"").doesNotContain("lastError", upstreamError);

            logIn(browser, base);
            assertThat(get(browser, base + "/sessions").statusCode()).isEqualTo(200);

            db.close(); // the database goes away

            long t0 = System.nanoTime();
            HttpResponse<String> health = get(monitor, base + "/health");
            Duration healthTook = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body())
                    .contains("\"status\":\"DOWN\"", "\"database\":{\"up\":false}")
                    .doesNotContain("lastError", "Exception", "postgres");
            assertThat(healthTook).isLessThan(Duration.ofSeconds(3));
            // a logged-in browser asking for /health gets the same answer, not an error from the session check
            assertThat(get(browser, base + "/health").statusCode()).isEqualTo(503);

            t0 = System.nanoTime();
            HttpResponse<String> readiness = get(monitor, base + "/actuator/health/readiness");
            Duration readinessTook = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(readinessTook).isLessThan(Duration.ofSeconds(3));
            assertThat(get(monitor, base + "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);

            t0 = System.nanoTime();
            HttpResponse<String> page = get(browser, base + "/sessions");
            Duration pageTook = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(page.statusCode()).isGreaterThanOrEqualTo(500);
            // web sessions live in PostgreSQL (#12): a logged-in browser's session cannot be read either, and the
            // server answers its plain 500 instead of VETRIC's error page (known gap, see docs/OPERATIONS.md)
            assertThat(page.body()).doesNotContain("Exception", "SQLTransientConnectionException", "postgres");
            assertThat(pageTook).isLessThan(Duration.ofSeconds(5));

            // and when the database is back, so is VETRIC, by itself
            int port = db.getPort();
            db = startDatabase(port);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(get(monitor, base + "/health").statusCode()).isEqualTo(200);
                assertThat(get(monitor, base + "/actuator/health/readiness").statusCode())
                        .isEqualTo(200);
                assertThat(get(browser, base + "/sessions").statusCode()).isEqualTo(200);
            });
        } finally {
            db.close();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "text/html,application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void logIn(HttpClient http, String base) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(get(http, base + "/login").body());
        assertThat(csrf.find()).isTrue();
        String form =
                form(Map.of("email", "admin@vetric.test", "password", "admin-test-password", "_csrf", csrf.group(1)));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).get().asString().doesNotContain("error");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
    }
}
