package br.com.vetric.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One simulator serves several CVE-PRO accounts, each at its own path with its own chargers, clock and tokens. */
class CveProSimulatorAccountsTest {
    static final Instant T0 = Instant.parse("2026-01-12T22:00:00.123Z");
    CveProSimulator sim;

    @BeforeEach
    void start() {
        sim = CveProSimulator.start(SimulatorConfig.quiet(T0));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static SimulatorConfig account(String label) {
        DemoCondominium layout = new DemoCondominium(
                label,
                null,
                List.of(
                        ChargerSpec.simple(1, label + "_1", label + "-uuid-1", label + " 1"),
                        ChargerSpec.simple(2, label + "_2", label + "-uuid-2", label + " 2")),
                List.of(),
                List.of());
        return SimulatorConfig.quiet(T0).withCondominium(layout);
    }

    @Test
    void eachAccountAnswersWithItsOwnChargersOnTheSameServer() {
        CveProSimulator a = sim.account("a", account("Alfa"));
        CveProSimulator b = sim.account("b", account("Beta"));

        assertThat(a.port()).isEqualTo(sim.port());
        assertThat(a.baseUrl()).isEqualTo(sim.baseUrl() + "/accounts/a");
        assertThat(new SimClient(a)
                        .login()
                        .chargepoints()
                        .path("chargePointList")
                        .findValuesAsString("description"))
                .containsExactly("Alfa 1", "Alfa 2");
        assertThat(new SimClient(b)
                        .login()
                        .chargepoints()
                        .path("chargePointList")
                        .findValuesAsString("description"))
                .containsExactly("Beta 1", "Beta 2");
        assertThat(new SimClient(sim).login().chargepoints().path("count").asInt())
                .as("the host's own account is served as before")
                .isEqualTo(sim.chargers().size());

        a.fault("Alfa 1", "GroundFailure");
        assertThat(b.charger("Beta 1").connectors().getFirst().status()).isEqualTo("Available");
        assertThat(a.requestCount("/api/v1/chargepoints")).isEqualTo(1);
        assertThat(sim.requestCount("/api/v1/chargepoints")).isEqualTo(1);
    }

    @Test
    void anAccountsTokenAndCredentialsAreItsOwn() {
        CveProSimulator a =
                sim.account("a", account("Alfa").withCredentials("key-a-0123456789", "a@cvepro.test", "password-a"));
        CveProSimulator b = sim.account("b", account("Beta"));
        SimClient toA = new SimClient(a);

        assertThat(toA.login("key-a-0123456789", "a@cvepro.test", "password-a").statusCode())
                .isEqualTo(200);
        assertThat(toA.login(SimulatorConfig.DEFAULT_API_KEY, SimulatorConfig.DEFAULT_EMAIL, "x")
                        .statusCode())
                .isEqualTo(401);
        SimClient toB = new SimClient(b).login();
        b.expireTokens();
        assertThat(toB.get("/api/v1/chargepoints").statusCode()).isEqualTo(401);
        SimClient host = new SimClient(sim).login();
        assertThat(host.get("/api/v1/chargepoints").statusCode())
                .as("another account's tokens expiring leaves this one's alone")
                .isEqualTo(200);
    }

    @Test
    void aClosedAccountIsNoLongerServedAndItsNameIsChecked() {
        CveProSimulator a = sim.account("a", account("Alfa"));
        a.close();
        assertThat(new SimClient(sim)
                        .send(java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(sim.baseUrl() + "/accounts/a/api/v1/chargepoints"))
                                .GET())
                        .statusCode())
                .isEqualTo(404); // the host's own account answers: it has no such path
        assertThatThrownBy(() -> sim.account("bad/name", account("X"))).isInstanceOf(IllegalArgumentException.class);
        sim.account("b", account("Beta"));
        assertThatThrownBy(() -> sim.account("b", account("Beta"))).isInstanceOf(IllegalArgumentException.class);
    }
}
