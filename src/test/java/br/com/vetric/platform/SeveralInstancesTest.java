package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.VetricApplication;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.cpms.CveProConnection;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.HttpLogin;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.sync.Connections;
import br.com.vetric.sync.SyncCycle;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two VETRIC instances on one PostgreSQL: this test's context (instance A, which polls) and a second application
 * context started on A's database (instance B, which does not poll). A browser connected to B sees what A observed
 * within a second (LISTEN/NOTIFY), and a web session made on one instance is valid, and ended, on both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class SeveralInstancesTest {

    static ConfigurableApplicationContext instanceB;

    @Autowired
    CveProSimulator simulator;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    @Autowired
    Users users;

    @Autowired
    DatabaseNotifications signals;

    @LocalServerPort
    int port;

    @BeforeAll
    static void secondInstance(@Autowired DataSource dataSource) {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        instanceB = new SpringApplicationBuilder(VetricApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.jmx.enabled=false",
                        "vetric.db.url=" + url,
                        "vetric.db.username=" + ApplicationRole.EMBEDDED,
                        "vetric.db.migration-username=" + EmbeddedServer.SUPERUSER,
                        "vetric.demo.live=false",
                        "vetric.demo.seed-data=false")
                .run();
    }

    @AfterAll
    static void stopSecondInstance(
            @Autowired Connections connections, @Autowired CveProConnection account, @Autowired Condominiums primary) {
        if (instanceB != null) {
            instanceB.close();
        }
        // B registered its own simulator as the environment's account at its start: the shared context's tests that
        // follow poll this context's simulator again
        connections.registerEnvironmentAccount(account, primary.primary().id());
    }

    static String baseB() {
        return "http://localhost:"
                + ((WebServerApplicationContext) instanceB).getWebServer().getPort();
    }

    String baseA() {
        return "http://localhost:" + port;
    }

    @Test
    void aBrowserOnTheInstanceThatDoesNotPollSeesAChangeWithinOneSecond() throws Exception {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> signals.listening()
                        && instanceB.getBean(DatabaseNotifications.class).listening());
        HttpClient browser = HttpLogin.loggedIn(baseB(), "admin@vetric.test", "admin-test-password");
        HttpResponse<java.io.InputStream> stream = browser.send(
                HttpRequest.newBuilder(URI.create(baseB() + "/board/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        events.add(line.substring(6).trim());
                    }
                }
            } catch (java.io.IOException e) {
                // the stream was closed by the test
            }
        });
        // the account the connection reads: each instance registers its configured account at start, and B (the
        // last to start) was given a simulator of its own, as two deployments with one VETRIC_CPMS_URL share one
        CveProSimulator account = instanceB.getBean(CveProSimulator.class);
        try {
            WebFixtures.sync(account, condominiums, cycle); // B's first push is the whole board
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("board");
            events.clear();

            account.fault("Garagem 3", "GroundFailure");
            WebFixtures.sync(account, condominiums, cycle);
            long observed = System.nanoTime();
            String event = events.poll(1, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - observed) / 1_000_000;
            System.out.printf("instance B pushed %s %d ms after instance A committed the cycle%n", event, ms);
            assertThat(event).as("an event on B within 1 s of A's cycle").isNotNull();
            assertThat(event).matches("card-.+|summary|board");
        } finally {
            account.clearFault("Garagem 3");
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void aListeningConnectionCutByTheServerIsMadeAgainAndSignalsFlowAgain(@Autowired DataSource dataSource)
            throws Exception {
        DatabaseNotifications onB = instanceB.getBean(DatabaseNotifications.class);
        await().atMost(Duration.ofSeconds(10)).until(onB::listening);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        onB.subscribe("vetric_test_signal", received::add);

        int cut = TestDatabases.owner(dataSource)
                .sql("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where application_name = :name and datname = current_database()")
                .param("name", DatabaseNotifications.APPLICATION_NAME)
                .query(Integer.class)
                .single();
        assertThat(cut).as("both instances' listening connections").isEqualTo(2);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    signals.publish("vetric_test_signal", "again");
                    assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isEqualTo("again");
                });
    }

    @Test
    void aWebSessionMadeOnOneInstanceWorksOnTheOtherAndALogoutOnEitherEndsItOnBoth() throws Exception {
        String email = "duas-" + System.nanoTime() + "@vetric.test";
        users.create(
                email,
                "Duas Instâncias",
                Role.CLIENTE,
                condominiums.primary().id().value(),
                "two-places-1");
        HttpClient onA = HttpLogin.loggedIn(baseA(), email, "two-places-1");
        String cookie = sessionCookie(onA);
        HttpClient plain = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> pageOnB = get(plain, baseB() + "/sessions", cookie);
        assertThat(pageOnB.statusCode()).as("A's session on B").isEqualTo(200);
        assertThat(pageOnB.body()).contains("Duas Instâncias");

        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(pageOnB.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> logout = plain.send(
                HttpRequest.newBuilder(URI.create(baseB() + "/logout"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?logout"));

        HttpResponse<String> afterOnA = get(plain, baseA() + "/sessions", cookie);
        assertThat(afterOnA.statusCode()).as("A after the logout on B").isEqualTo(302);
        assertThat(afterOnA.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aUserDeactivatedThroughOneInstanceLosesTheWebSessionOnTheOther() throws Exception {
        String email = "revogada-" + System.nanoTime() + "@vetric.test";
        long id = users.create(
                        email,
                        "Revogada",
                        Role.CLIENTE,
                        condominiums.primary().id().value(),
                        "revoked-1")
                .id();
        String cookie = sessionCookie(HttpLogin.loggedIn(baseB(), email, "revoked-1"));
        HttpClient plain = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        assertThat(get(plain, baseA() + "/sessions", cookie).statusCode()).isEqualTo(200);

        users.setActive(id, false); // through instance A

        assertThat(get(plain, baseB() + "/sessions", cookie).statusCode())
                .as("B after A deactivated the user")
                .isEqualTo(302);
        assertThat(get(plain, baseA() + "/sessions", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void theMetricsOfAnInstanceWithoutAMetricsTokenDoNotExist() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseB() + "/actuator/prometheus"))
                                .header("Authorization", "Bearer anything-at-all-000000")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("vetric_");
    }

    private static String sessionCookie(HttpClient loggedIn) {
        List<HttpCookie> cookies = ((java.net.CookieManager)
                        loggedIn.cookieHandler().orElseThrow())
                .getCookieStore()
                .getCookies();
        return cookies.stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> c.getName() + "=" + c.getValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie after login: " + cookies));
    }

    private static HttpResponse<String> get(HttpClient http, String url, String cookie) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
