package br.com.vetric.cpms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.support.CveProFake;
import br.com.vetric.support.MutableClock;
import br.com.vetric.support.Settings;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CveProHttpClientTest {

    private static final Instant NOW = Instant.parse("2026-01-12T15:00:00Z"); // 12:00 in São Paulo

    private CveProFake fake;
    private MutableClock clock;
    private CpmsClient client;

    /** The client's settings: 1 s timeouts, 3 attempts 10 ms apart, the rest as in production. */
    CpmsProperties settings(Map<String, String> more) {
        Map<String, String> p = new java.util.HashMap<>(Map.of(
                "url",
                fake.baseUrl(),
                "api-key",
                CveProFake.API_KEY,
                "email",
                CveProFake.EMAIL,
                "password",
                CveProFake.PASSWORD,
                "timeout",
                "1s",
                "retry-attempts",
                "3",
                "retry-backoff",
                "10ms"));
        p.putAll(more);
        return Settings.of(CpmsProperties.class, "vetric.cpms", p);
    }

    @BeforeEach
    void setUp() {
        fake = new CveProFake();
        clock = new MutableClock(NOW);
        CpmsProperties props = settings(Map.of());
        client = CveProClients.create(
                new CveProConnection(fake.baseUrl(), CveProFake.API_KEY, CveProFake.EMAIL, CveProFake.PASSWORD),
                props,
                clock);
        fake.charger("c1", "Garagem 1").heartbeat(NOW);
        fake.tx(1, "c1", "AB12CD34", NOW.minusSeconds(600));
        fake.publish();
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void logsInWithApiKeyAndSendsTheRawTokenWithoutBearer() {
        CpmsSnapshot snapshot = client.fetch(NOW);
        assertThat(snapshot.chargePoints()).hasSize(1);
        assertThat(snapshot.transactions()).hasSize(1);
        fake.server()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/api/v1/login"))
                                .withHeader("Api-Key", equalTo(CveProFake.API_KEY))
                                .withRequestBody(
                                        equalToJson("{\"email\": \"vetric@test\", \"password\": \"s3cret-pass\"}")));
        fake.server()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/chargepoints"))
                        .withHeader("Authorization", equalTo("token-1"))
                        .withHeader("Api-Key", equalTo(CveProFake.API_KEY)));
        // the token is reused: one login for several polls
        client.fetch(NOW.plusSeconds(10));
        fake.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/login")));
    }

    @Test
    void queriesARollingWindowOfAtLeast48HoursEndingAfterTomorrow() {
        client.fetch(NOW);
        List<LoggedRequest> requests = fake.server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/transaction")));
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().queryParameter("fromDate").firstValue()).isEqualTo("2026-01-10 12:00:00");
        assertThat(requests.getFirst().queryParameter("toDate").firstValue()).isEqualTo("2026-01-13 23:59:59");
        assertThat(requests.getFirst().containsHeader("Platform")).isFalse();
        assertThat(requests.getFirst().queryParameter("timeZone").isPresent()).isFalse();
    }

    @Test
    void renewsTheTokenAheadOfTime() {
        client.fetch(NOW);
        fake.stubLogin("token-2");
        fake.publish("token-2");
        clock.advance(Duration.ofHours(23).plusMinutes(1));
        client.fetch(clock.instant());
        fake.server().verify(2, postRequestedFor(urlPathEqualTo("/api/v1/login")));
    }

    @Test
    void on401LogsInAgainOnceAndRetriesOnce() {
        client.fetch(NOW);
        // CVE-PRO drops the token: the old one now gets 401, a new login gives token-2
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .withHeader("Authorization", equalTo("token-1"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"Invalid token\"}")));
        fake.stubLogin("token-2");
        fake.publish("token-2");
        CpmsSnapshot snapshot = client.fetch(NOW.plusSeconds(10));
        assertThat(snapshot.chargePoints()).hasSize(1);
        fake.server().verify(2, postRequestedFor(urlPathEqualTo("/api/v1/login")));
    }

    @Test
    void a401AfterAFreshLoginIsReportedNotLooped() {
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> client.fetch(NOW))
                .isInstanceOf(CpmsUnavailableException.class)
                .hasMessageContaining("401");
        fake.server().verify(2, postRequestedFor(urlPathEqualTo("/api/v1/login")));
        fake.server().verify(2, getRequestedFor(urlPathEqualTo("/api/v1/chargepoints")));
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() {
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .inScenario("flaky")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(502))
                        .willSetStateTo("second"));
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .inScenario("flaky")
                        .whenScenarioStateIs("second")
                        .atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                        .willSetStateTo("ok"));
        assertThat(client.fetch(NOW).chargePoints()).hasSize(1);
        fake.server().verify(3, getRequestedFor(urlPathEqualTo("/api/v1/chargepoints")));
    }

    @Test
    void givesUpAfterThreeAttemptsWithAClearMessageAndNoSecrets() {
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/transaction"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> client.fetch(NOW))
                .isInstanceOf(CpmsUnavailableException.class)
                .hasMessageContaining("503")
                .hasMessageNotContaining(CveProFake.PASSWORD)
                .hasMessageNotContaining(CveProFake.API_KEY)
                .hasMessageNotContaining("token-1");
        fake.server().verify(3, getRequestedFor(urlPathEqualTo("/api/v1/transaction")));
    }

    @Test
    void timeoutsAreRetriedAndReported() {
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .atPriority(1)
                        .willReturn(CveProFake.json("{\"chargePointList\": []}").withFixedDelay(1500)));
        assertThatThrownBy(() -> client.fetch(NOW))
                .isInstanceOf(CpmsUnavailableException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void anAnswerTricklingInLongerThanTheTimeoutFailsTheFetchInsteadOfHoldingThePoller() {
        // headers at once, then a valid body over 20 s: the client's request timeout alone ends at the headers
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .atPriority(1)
                        .willReturn(CveProFake.json(fake.chargePointsJson()).withChunkedDribbleDelay(20, 20_000)));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.fetch(NOW))
                .isInstanceOf(CpmsUnavailableException.class)
                .hasMessageContaining("timed out");
        // three attempts of about the 1 s timeout each, not 3 x 20 s
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void malformedJsonFailsTheFetch() {
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/transaction"))
                        .atPriority(1)
                        .willReturn(CveProFake.json("{\"list\": [{\"id\": 1, ")));
        assertThatThrownBy(() -> client.fetch(NOW))
                .isInstanceOf(CpmsUnavailableException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void anAnswerOverTheSizeCapFailsTheFetchWithoutRetryingWhetherDeclaredOrChunked() {
        CpmsProperties small = settings(Map.of("max-response-size", "4KB"));
        CpmsClient capped = CveProClients.create(
                new CveProConnection(fake.baseUrl(), CveProFake.API_KEY, CveProFake.EMAIL, CveProFake.PASSWORD),
                small,
                clock);
        assertThat(capped.fetch(NOW).chargePoints()).hasSize(1); // a normal answer is well under 4 KB
        for (int i = 2; i <= 40; i++) {
            fake.charger("c" + i, "Garagem " + i).heartbeat(NOW);
        }
        String big = fake.chargePointsJson();
        assertThat(big.length()).isGreaterThan(4096);
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .atPriority(1)
                        .willReturn(CveProFake.json(big).withHeader("Content-Length", Integer.toString(big.length()))));
        fake.server().resetRequests();
        assertThatThrownBy(() -> capped.fetch(NOW))
                .isInstanceOf(CpmsUnavailableException.class)
                .hasMessageContaining("more than 4096 bytes")
                .hasMessageContaining("/api/v1/chargepoints");
        fake.server().verify(1, getRequestedFor(urlPathEqualTo("/api/v1/chargepoints")));
        fake.server().verify(0, getRequestedFor(urlPathEqualTo("/api/v1/transaction")));

        // the same without a Content-Length (chunks): cut as it arrives
        fake.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .atPriority(1)
                        .willReturn(CveProFake.json(big).withChunkedDribbleDelay(20, 100)));
        assertThatThrownBy(() -> capped.fetch(NOW))
                .isInstanceOf(CpmsUnavailableException.class)
                .hasMessageContaining("more than 4096 bytes");
        // with the default cap the same answer is read
        fake.publish();
        assertThat(client.fetch(NOW).chargePoints()).hasSize(40);
    }

    @Test
    void wrongApiKeyIsAClearLoginFailure() {
        fake.server().resetAll();
        assertThatThrownBy(() -> client.fetch(NOW))
                .isInstanceOf(CpmsUnavailableException.class)
                .hasMessageContaining("login failed");
    }
}
