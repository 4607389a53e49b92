package br.com.vetric.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CveProSimulatorWireTest {
    /** 19:00:00.123 in São Paulo on 12/01/2026. */
    static final Instant T0 = Instant.parse("2026-01-12T22:00:00.123Z");

    static final String CARLA = "5D9DC9F8";
    static final String BRUNO = "128B2F33";
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
    void chargepointsHaveTheCveProShapeAndNaiveLocalHeartbeat() {
        JsonNode body = client.chargepoints();
        assertThat(body.has("error")).isTrue();
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.path("count").asInt()).isEqualTo(6);
        JsonNode g1 = SimClient.byDescription(body, "Garagem 1");
        assertThat(g1.path("chargeBoxId").asString()).isEqualTo("VETRIC_DEMO_01");
        assertThat(g1.path("uuid").asString()).isNotBlank();
        assertThat(g1.path("ocppProtocol").asString()).isEqualTo("ocpp1.6J");
        assertThat(g1.path("tenantPk").asInt()).isEqualTo(19);
        assertThat(g1.path("active").asBoolean()).isTrue();
        assertThat(g1.path("address").path("city").asString()).isEqualTo("São Paulo");
        assertThat(g1.path("speedCount").path("nrSlowTotal").asInt()).isEqualTo(1);
        assertThat(g1.path("lastHeartbeatTimestamp").asString())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
                .matches("2026-01-12 (18:59|19:00):\\d{2}"); // naive São Paulo local, at most 20 s before T0
        JsonNode conn = g1.path("connectors").get(0);
        assertThat(conn.path("connectorId").asInt()).isEqualTo(1);
        assertThat(conn.path("powerMax").asInt()).isEqualTo(22000);
        assertThat(conn.path("chargeBoxUuid").asString())
                .isEqualTo(g1.path("uuid").asString());
        JsonNode st = conn.path("lastStatus");
        assertThat(st.path("timeStamp").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(st.path("status").asString()).isEqualTo("Available");
        assertThat(st.path("errorCode").asString()).isEqualTo("NoError");
        assertThat(st.path("erroInfo").asString()).isEqualTo("NoError");
        assertThat(st.has("socPercentage")).isTrue();
        assertThat(st.get("socPercentage").isNull()).isTrue();
        // powerMax in W on some chargers, kW on others, null on one
        assertThat(SimClient.byDescription(body, "Garagem 2")
                        .path("connectors")
                        .get(0)
                        .path("powerMax")
                        .asDouble())
                .isEqualTo(7.4);
        assertThat(SimClient.byDescription(body, "Garagem 3")
                        .path("connectors")
                        .get(0)
                        .get("powerMax")
                        .isNull())
                .isTrue();
    }

    @Test
    void heartbeatAdvancesWhileOnlineAndFreezesWhenOffline() {
        sim.advance(Duration.ofMinutes(10));
        assertThat(SimClient.byDescription(client.chargepoints(), "Garagem 2")
                        .path("lastHeartbeatTimestamp")
                        .asString())
                .matches("2026-01-12 19:(09:[3-5]\\d|10:00)"); // heartbeat every 30 s
        sim.offline("Garagem 2");
        String frozen = SimClient.byDescription(client.chargepoints(), "Garagem 2")
                .path("lastHeartbeatTimestamp")
                .asString();
        sim.advance(Duration.ofMinutes(30));
        assertThat(SimClient.byDescription(client.chargepoints(), "Garagem 2")
                        .path("lastHeartbeatTimestamp")
                        .asString())
                .isEqualTo(frozen);
        assertThat(sim.charger("Garagem 2").online()).isFalse();
        sim.online("Garagem 2");
        assertThat(SimClient.byDescription(client.chargepoints(), "Garagem 2")
                        .path("lastHeartbeatTimestamp")
                        .asString())
                .isEqualTo("2026-01-12 19:40:00");
    }

    @Test
    void transactionWindowIgnoresTimeOfDayOfToDateAndUsesBrazilianFormat() {
        sim.plugIn("Garagem 1", CARLA);
        long id = sim.startCharging("Garagem 1"); // starts 19:00:00 local on 12/01
        JsonNode sameDay = client.transactions("2026-01-12 00:00:00", "2026-01-12 00:00:00");
        assertThat(sameDay.path("count").asInt()).isEqualTo(1);
        JsonNode tx = SimClient.txById(sameDay, id);
        assertThat(tx.path("startTimestamp").asString()).isEqualTo("12/01/2026 19:00:00");
        assertThat(tx.get("stopTimestamp").isNull()).isTrue();
        assertThat(client.transactions("2026-01-12 19:00:01", "2026-01-20 00:00:00")
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(client.transactions("2026-01-10 00:00:00", "2026-01-11 23:59:59")
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(client.transactions("2026-01-12 18:59:59", "2026-01-12 18:00:00")
                        .path("list")
                        .size())
                .isEqualTo(1);
        assertThat(client.transactionsRaw("", "").statusCode()).isEqualTo(400);
    }

    @Test
    void fullSessionPlugInChargeIdleStop() {
        sim.plugIn("Garagem 1", CARLA);
        assertThat(connectorStatus("Garagem 1")).isEqualTo("Preparing");
        sim.advance(Duration.ofSeconds(20));
        long id = sim.startCharging("Garagem 1");
        sim.advance(Duration.ofMinutes(30));
        JsonNode tx1 = SimClient.txById(client.allTransactions(), id);
        assertThat(connectorStatus("Garagem 1")).isEqualTo("Charging");
        assertThat(tx1.path("energy").asLong()).isBetween(3400L, 3600L); // 7 kW x 0.5 h
        assertThat(tx1.path("energyHumanReadable").asString()).endsWith(" kWh").contains(",");
        assertThat(tx1.path("ocppIdTag").asString()).isEqualTo(CARLA);
        assertThat(tx1.path("userAddressComplement").asString()).isEqualTo("Apto 301 Torre A");
        assertThat(tx1.path("duration").asLong()).isEqualTo(1800);
        assertThat(tx1.path("durationHumanReadable").asString()).isEqualTo("00:30:00");
        assertThat(tx1.get("idleDuration").isNull()).isTrue();
        assertThat(tx1.get("stopReason").isNull()).isTrue();
        assertThat(tx1.path("hasPayment").asBoolean()).isFalse();
        assertThat(tx1.get("cost").isNull()).isTrue();
        assertThat(SimClient.byDescription(client.chargepoints(), "Garagem 1")
                        .path("connectors")
                        .get(0)
                        .path("lastStatus")
                        .path("currentChargingUserName")
                        .asString())
                .isEqualTo("Carla Mendes Souza");

        sim.advance(Duration.ofMinutes(30));
        long energyAtHour =
                SimClient.txById(client.allTransactions(), id).path("energy").asLong();
        assertThat(energyAtHour).isGreaterThan(tx1.path("energy").asLong());

        sim.suspend("Garagem 1");
        sim.advance(Duration.ofMinutes(5));
        JsonNode idle1 = SimClient.txById(client.allTransactions(), id);
        assertThat(connectorStatus("Garagem 1")).isEqualTo("SuspendedEV");
        assertThat(idle1.path("idleDuration").asLong()).isEqualTo(300);
        assertThat(idle1.path("energy").asLong()).isEqualTo(energyAtHour);
        sim.advance(Duration.ofMinutes(5));
        assertThat(SimClient.txById(client.allTransactions(), id)
                        .path("idleDuration")
                        .asLong())
                .isEqualTo(600);

        sim.stop("Garagem 1", "Remote");
        assertThat(connectorStatus("Garagem 1")).isEqualTo("Finishing");
        sim.advance(Duration.ofSeconds(90));
        sim.unplug("Garagem 1");
        assertThat(connectorStatus("Garagem 1")).isEqualTo("Available");
        JsonNode done = SimClient.txById(client.allTransactions(), id);
        assertThat(done.path("stopTimestamp").asString()).isEqualTo("12/01/2026 20:10:20");
        assertThat(done.path("stopReason").asString()).isEqualTo("Remote");
        assertThat(done.path("stopEventActor").asString()).isEqualTo("station");
        assertThat(done.path("stopValue").asLong() - done.path("startValue").asLong())
                .isEqualTo(energyAtHour);
        assertThat(done.path("duration").asLong()).isEqualTo(70 * 60);
    }

    @Test
    void unplugWhileChargingStopsWithEvDisconnectedAndHistoryStaysListed() {
        sim.plugIn("Garagem 2", BRUNO);
        long first = sim.startCharging("Garagem 2");
        sim.advance(Duration.ofMinutes(10));
        sim.unplug("Garagem 2");
        sim.plugIn("Garagem 2", CARLA);
        long second = sim.startCharging("Garagem 2");
        assertThat(second).isGreaterThan(first);
        JsonNode all = client.allTransactions();
        assertThat(all.path("count").asInt()).isEqualTo(2);
        assertThat(SimClient.txById(all, first).path("stopReason").asString()).isEqualTo("EVDisconnected");
    }

    @Test
    void chargersFiveAndSixReportTagsInLowerCase() {
        sim.plugIn("Garagem 5", CARLA);
        long lower = sim.startCharging("Garagem 5");
        sim.plugIn("VETRIC_DEMO_06", BRUNO);
        long lower6 = sim.startCharging("VETRIC_DEMO_06");
        sim.plugIn("Garagem 2", CARLA.toLowerCase());
        long upper = sim.startCharging("Garagem 2");
        JsonNode all = client.allTransactions();
        assertThat(SimClient.txById(all, lower).path("ocppIdTag").asString()).isEqualTo("5d9dc9f8");
        assertThat(SimClient.txById(all, lower6).path("ocppIdTag").asString()).isEqualTo("128b2f33");
        assertThat(SimClient.txById(all, upper).path("ocppIdTag").asString()).isEqualTo(CARLA);
        assertThat(SimClient.txById(all, lower).path("ocppTagPk").asLong())
                .isEqualTo(SimClient.txById(all, upper).path("ocppTagPk").asLong());
    }

    @Test
    void runningTransactionCanHaveEmptyIdTagWithTagPkLearnableFromEarlierOnes() {
        sim.plugIn("Garagem 1", CARLA);
        long earlier = sim.startCharging("Garagem 1");
        sim.advance(Duration.ofMinutes(20));
        sim.unplug("Garagem 1");
        sim.plugIn("Garagem 2", 1, CARLA, true);
        long hidden = sim.startCharging("Garagem 2");
        sim.advance(Duration.ofMinutes(5));
        JsonNode all = client.allTransactions();
        JsonNode h = SimClient.txById(all, hidden);
        assertThat(h.path("ocppIdTag").asString()).isEmpty();
        assertThat(h.path("ocppTagPk").asLong())
                .isEqualTo(SimClient.txById(all, earlier).path("ocppTagPk").asLong());
        assertThat(SimClient.txById(all, earlier).path("ocppIdTag").asString()).isEqualTo(CARLA);
    }

    @Test
    void someChargersReportNullEnergyWhileRunning() {
        sim.plugIn("Garagem 3", CARLA);
        long id = sim.startCharging("Garagem 3");
        sim.advance(Duration.ofMinutes(10));
        JsonNode running = SimClient.txById(client.allTransactions(), id);
        assertThat(running.get("energy").isNull()).isTrue();
        assertThat(running.get("energyHumanReadable").isNull()).isTrue();
        sim.stop("Garagem 3", "Local");
        assertThat(SimClient.txById(client.allTransactions(), id).path("energy").asLong())
                .isBetween(1160L, 1170L);
    }

    @Test
    void connectorShowsChargingBeforeItsTransactionAppears() {
        sim.setTransactionLag(Duration.ofSeconds(10));
        sim.plugIn("Garagem 1", CARLA);
        long id = sim.startCharging("Garagem 1");
        assertThat(connectorStatus("Garagem 1")).isEqualTo("Charging");
        assertThat(SimClient.txById(client.allTransactions(), id)).isNull();
        sim.advance(Duration.ofSeconds(10));
        assertThat(SimClient.txById(client.allTransactions(), id)).isNotNull();
    }

    @Test
    void faultSetsFaultedWithErrorCodeAndRecovers() {
        sim.fault("Garagem 4", "GroundFailure");
        JsonNode st = SimClient.byDescription(client.chargepoints(), "Garagem 4")
                .path("connectors")
                .get(0)
                .path("lastStatus");
        assertThat(st.path("status").asString()).isEqualTo("Faulted");
        assertThat(st.path("errorCode").asString()).isEqualTo("GroundFailure");
        sim.clearFault("Garagem 4");
        assertThat(connectorStatus("Garagem 4")).isEqualTo("Available");
        sim.plugIn("Garagem 4", CARLA);
        assertThat(connectorStatus("Garagem 4")).isEqualTo("Occupied"); // OCPP 1.5 status on this charger
    }

    @Test
    void replacedChargerKeepsDescriptionWithNewUuidAndChargeBoxId() {
        JsonNode before = SimClient.byDescription(client.chargepoints(), "Garagem 2");
        String newId = sim.replaceCharger("Garagem 2");
        JsonNode after = SimClient.byDescription(client.chargepoints(), "Garagem 2");
        assertThat(after.path("uuid").asString())
                .isNotEqualTo(before.path("uuid").asString());
        assertThat(after.path("chargeBoxId").asString()).isEqualTo(newId).isNotEqualTo("VETRIC_DEMO_02");
        assertThat(after.path("connectors").get(0).path("chargeBoxUuid").asString())
                .isEqualTo(after.path("uuid").asString());
        assertThat(client.chargepoints().path("count").asInt()).isEqualTo(6);
    }

    @Test
    void scenarioIsReplayedAgainstTheSimulatedClock() {
        sim.play(Scenario.fromClasspath("simulator/scenarios/normal-session.json"));
        sim.advance(Duration.ofSeconds(15));
        assertThat(connectorStatus("Garagem 3")).isEqualTo("Preparing");
        sim.advance(Duration.ofMinutes(1));
        assertThat(connectorStatus("Garagem 3")).isEqualTo("Charging");
        sim.advance(Duration.ofMinutes(50));
        assertThat(connectorStatus("Garagem 3")).isEqualTo("SuspendedEV");
        sim.advance(Duration.ofMinutes(30));
        assertThat(connectorStatus("Garagem 3")).isEqualTo("Available");
        assertThat(sim.scenarioErrors()).isEmpty();
        JsonNode tx = client.allTransactions().path("list").get(0);
        assertThat(tx.path("startTimestamp").asString()).isEqualTo("12/01/2026 19:00:30");
        assertThat(tx.path("stopTimestamp").asString()).isEqualTo("12/01/2026 20:00:00");
        assertThat(tx.path("stopReason").asString()).isEqualTo("Remote");
        assertThat(tx.path("idleDuration").asLong()).isEqualTo(14 * 60 + 30);
        assertThat(tx.path("energy").asLong()).isEqualTo(5250); // 45 min at 7 kW
    }

    private String connectorStatus(String charger) {
        return SimClient.byDescription(client.chargepoints(), charger)
                .path("connectors")
                .get(0)
                .path("lastStatus")
                .path("status")
                .asString();
    }
}
