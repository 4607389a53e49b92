package br.com.vetric.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CveProSimulatorAuthTest {
    static final Instant T0 = Instant.parse("2026-01-12T22:00:00.123Z");
    CveProSimulator sim;
    SimClient client;

    @BeforeEach
    void start() {
        sim = CveProSimulator.start(SimulatorConfig.quiet(T0));
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void loginWithRightApiKeyAndCredentialsReturnsTokenAndTenant() {
        HttpResponse<String> r = client.login(
                SimulatorConfig.DEFAULT_API_KEY, SimulatorConfig.DEFAULT_EMAIL, SimulatorConfig.DEFAULT_PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        var body = SimClient.json(r.body());
        assertThat(body.path("token").asString()).hasSizeGreaterThan(20);
        assertThat(body.path("tenantPk").asInt()).isEqualTo(19);
        assertThat(body.path("tenantUuid").asString()).isNotBlank();
        assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
    }

    @Test
    void loginWithWrongOrMissingApiKeyAnswersTenantNotFound() {
        HttpResponse<String> r = client.login("wrong", SimulatorConfig.DEFAULT_EMAIL, SimulatorConfig.DEFAULT_PASSWORD);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(SimClient.json(r.body()).path("error").asString()).isEqualTo("E000 - Tenant Not Found");

        HttpResponse<String> noKey = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a\",\"password\":\"b\"}")));
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.body()).contains("E000 - Tenant Not Found");
    }

    @Test
    void loginWithWrongPasswordIsUnauthorized() {
        assertThat(client.login(SimulatorConfig.DEFAULT_API_KEY, SimulatorConfig.DEFAULT_EMAIL, "nope")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void bearerPrefixIsRejectedWithInvalidAuthorization() {
        client.login();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/chargepoints"))
                .header("Api-Key", SimulatorConfig.DEFAULT_API_KEY)
                .header("Authorization", "Bearer " + client.token));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(SimClient.json(r.body()).path("error").asString()).isEqualTo("Invalid AUTHORIZATION set in Header!");
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
    }

    @Test
    void callsWithoutApiKeyOrUnknownTokenAreUnauthorized() {
        client.login();
        HttpResponse<String> noKey =
                client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/chargepoints"))
                        .header("Authorization", client.token));
        assertThat(noKey.statusCode()).isEqualTo(401);
        client.token = "made-up";
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(401);
    }

    @Test
    void tokenExpiresAfterTtlOfSimulatedTime() {
        client.login();
        sim.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
        sim.advance(Duration.ofMinutes(2));
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(401);
        client.login();
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
    }

    @Test
    void expireTokensForcesARelogin() {
        client.login();
        sim.expireTokens();
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(401);
        client.login();
        assertThat(client.get("/api/v1/chargepoints").statusCode()).isEqualTo(200);
    }

    @Test
    void extraTimezoneHeadersOrParamOnTransactionAreUnauthorized() {
        client.login();
        String q = "/api/v1/transaction?fromDate=" + SimClient.q("2026-01-10 00:00:00") + "&toDate="
                + SimClient.q("2026-01-13 00:00:00");
        assertThat(client.get(q).statusCode()).isEqualTo(200);
        assertThat(client.send(client.authed(q).header("Platform", "web")).statusCode())
                .isEqualTo(401);
        assertThat(client.send(client.authed(q).header("X-Timezone-Offset", "-180"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.get(q + "&timeZone=America/Sao_Paulo").statusCode()).isEqualTo(401);
    }

    @Test
    void endpointsThatDoNotExistAnswer404AndAssociatedUsers500() {
        client.login();
        assertThat(client.get("/api/v1/transactions").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/id-tag").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/stats/all_stats").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/users_data/associated_users").statusCode())
                .isEqualTo(500);
        assertThat(sim.requestCount("/api/v1/transactions")).isEqualTo(1);
    }
}
