package br.com.vetric.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class CveProSimulatorFaultsAndControlTest {
    static final Instant T0 = Instant.parse("2026-01-12T22:00:00.123Z");
    CveProSimulator sim;
    SimClient client;

    @BeforeEach
    void start() {
        sim = CveProSimulator.start(SimulatorConfig.quiet(T0));
        client = new SimClient(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void failNextTwoCallsWith500ThenRecover() {
        sim.failNext(2, 500);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(500);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(500);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
        assertThat(sim.requestCount("/api/v1/chargepoints")).isEqualTo(3);
    }

    @Test
    void badGatewayAndUnavailableAnswerHtml() {
        sim.failNext(1, 502);
        sim.failNext(1, 503);
        HttpResponse<String> r502 = client.get("/api/v1/chargepoints");
        HttpResponse<String> r503 = client.get("/api/v1/chargepoints");
        assertThat(r502.statusCode()).isEqualTo(502);
        assertThat(r503.statusCode()).isEqualTo(503);
        assertThat(r502.body()).startsWith("<html>");
    }

    @Test
    void faultCanBeRestrictedToOnePath() {
        sim.injectFault(FaultSpec.next(1, FaultSpec.Kind.HTTP_500).onPath("/api/v1/transaction"));
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
        assertThat(client.transactionsRaw("2026-01-12 00:00:00", "2026-01-13 00:00:00")
                        .statusCode())
                .isEqualTo(500);
        assertThat(client.transactionsRaw("2026-01-12 00:00:00", "2026-01-13 00:00:00")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void failForADurationAffectsEveryCallUntilCleared() {
        sim.failFor(Duration.ofMinutes(5), 503);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(503);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(503);
        sim.clearFaults();
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsATruncatedBodyWith200() {
        sim.malformedNext(1);
        HttpResponse<String> r = client.get("/api/v1/chargepoints");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SimClient.json(r.body())).isInstanceOf(JacksonException.class);
        assertThat(SimClient.json(client.get("/api/v1/chargepoints").body())
                        .path("count")
                        .asInt())
                .isEqualTo(6);
    }

    @Test
    void slowAnswerIsDelayedAndTimeoutExceedsTheClientTimeout() throws Exception {
        sim.slowNext(1, Duration.ofMillis(250));
        long t = System.nanoTime();
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isGreaterThanOrEqualTo(Duration.ofMillis(240));

        sim.timeoutNext(1, Duration.ofSeconds(30));
        HttpRequest req = client.authed("/api/v1/chargepoints")
                .timeout(Duration.ofMillis(300))
                .GET()
                .build();
        assertThatThrownBy(() -> client.http.send(req, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
    }

    @Test
    void injectedUnauthorizedLooksLikeAnExpiredToken() {
        sim.failNext(1, 401);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(401);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
    }

    @Test
    void controlEndpointsDriveTheWorldOverHttp() {
        assertThat(client.control("plugIn?charger=Garagem%201&tag=5D9DC9F8").statusCode())
                .isEqualTo(200);
        HttpResponse<String> started = client.control("startCharging?charger=VETRIC_DEMO_01");
        assertThat(started.statusCode()).isEqualTo(200);
        long id = SimClient.json(started.body()).path("transactionId").asLong();
        assertThat(client.control("advance?duration=PT1H").statusCode()).isEqualTo(200);
        JsonNode tx = SimClient.txById(client.allTransactions(), id);
        assertThat(tx.path("energy").asLong()).isEqualTo(7000);
        assertThat(client.control("stop?charger=1&reason=Local").statusCode()).isEqualTo(200);
        assertThat(client.control("stop?charger=1&reason=Local").statusCode()).isEqualTo(409);
        assertThat(client.control("plugIn?charger=Garagem%2099&tag=X").statusCode())
                .isEqualTo(400);
        assertThat(client.control("fault?charger=Garagem%202&errorCode=OverCurrentFailure")
                        .statusCode())
                .isEqualTo(200);
        assertThat(sim.charger("Garagem 2").connector(1).errorCode()).isEqualTo("OverCurrentFailure");

        assertThat(client.control("inject?kind=HTTP_500&count=1").statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(500);
        assertThat(client.control("expire-tokens").statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(401);

        HttpResponse<String> counters =
                client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_control/counters"))
                        .GET());
        assertThat(SimClient.json(counters.body()).path("/api/v1/chargepoints").asInt())
                .isEqualTo(2);
        HttpResponse<String> state = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_control/state"))
                .GET());
        assertThat(SimClient.json(state.body()).path("chargers").size()).isEqualTo(6);
        assertThat(client.control("replaceCharger?charger=Garagem%206&newChargeBoxId=NEW_06")
                        .statusCode())
                .isEqualTo(200);
        assertThat(sim.charger("Garagem 6").chargeBoxId()).isEqualTo("NEW_06");
    }

    @Test
    void scenarioCanBePostedOverHttp() {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_control/scenario"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        [{"at": "PT5S", "action": "offline", "charger": "Garagem 5"},
                         {"at": 10, "action": "setStatus", "charger": "Garagem 6", "status": "Unavailable"}]""")));
        assertThat(r.statusCode()).isEqualTo(200);
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.charger("Garagem 5").online()).isFalse();
        assertThat(sim.charger("Garagem 6").connector(1).status()).isEqualTo("Unavailable");
    }
}
