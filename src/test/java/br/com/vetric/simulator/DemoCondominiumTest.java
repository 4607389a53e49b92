package br.com.vetric.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DemoCondominiumTest {
    static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
    static final DateTimeFormatter BR = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Test
    void demoCondominiumHasSixChargersAndTwentyResidentsWithValidTags() {
        DemoCondominium demo = DemoCondominium.load();
        assertThat(demo.chargers()).hasSize(6);
        assertThat(demo.chargers())
                .extracting(ChargerSpec::description)
                .containsExactly("Garagem 1", "Garagem 2", "Garagem 3", "Garagem 4", "Garagem 5", "Garagem 6");
        assertThat(demo.chargers().get(0).chargeBoxId()).isEqualTo("VETRIC_DEMO_01");
        assertThat(demo.residents()).hasSize(20);
        assertThat(demo.residents()).allSatisfy(r -> {
            assertThat(r.phone()).matches("\\+55119\\d{8}");
            assertThat(r.apartment()).matches("Apto \\d+ Torre [AB]");
            assertThat(r.tags()).isNotEmpty().allSatisfy(t -> assertThat(t).matches("[0-9A-F]{8}"));
        });
        assertThat(demo.residents()).filteredOn(r -> r.tags().size() > 1).isNotEmpty();
        Set<String> all = new HashSet<>(demo.residentTags());
        assertThat(all).hasSize(demo.residentTags().size());
        assertThat(demo.unknownTags()).hasSize(2).allSatisfy(t -> {
            assertThat(t).matches("[0-9A-F]{8}");
            assertThat(demo.residentByTag(t)).isEmpty();
        });
        assertThat(demo.residentByTag(" 5d9dc9f8 "))
                .get()
                .extracting(Resident::name)
                .isEqualTo("Carla Mendes Souza");
    }

    @Test
    void seededDemoStartsWithSessionsRunningOneSinceBeforeMidnightAndLiveActivity() {
        Instant t0 = Instant.parse("2026-01-13T10:15:00Z"); // 07:15 local
        SimulatorConfig cfg = SimulatorConfig.demo().withAutoRun(false, 1).withStartAt(t0);
        try (CveProSimulator sim = CveProSimulator.start(cfg)) {
            SimClient client = new SimClient(sim).login();
            JsonNode cps = client.chargepoints();
            long busy = 0;
            for (JsonNode c : cps.path("chargePointList")) {
                String st = c.path("connectors")
                        .get(0)
                        .path("lastStatus")
                        .path("status")
                        .asString();
                if (st.equals("Charging") || st.startsWith("Suspended")) busy++;
            }
            assertThat(busy).isBetween(2L, 3L);

            JsonNode txs = client.transactions("2026-01-10 00:00:00", "2026-01-14 00:00:00");
            assertThat(txs.path("count").asInt()).isGreaterThan(6);
            long running = 0;
            boolean beforeMidnight = false;
            boolean emptyTag = false;
            Map<Long, String> pkToTag = new HashMap<>();
            long previousId = 0;
            for (JsonNode t : txs.path("list")) {
                assertThat(t.path("id").asLong()).isGreaterThan(previousId);
                previousId = t.path("id").asLong();
                if (!t.path("ocppIdTag").asString().isEmpty()) {
                    pkToTag.put(
                            t.path("ocppTagPk").asLong(), t.path("ocppIdTag").asString());
                }
                if (t.get("stopTimestamp").isNull()) {
                    running++;
                    LocalDateTime start =
                            LocalDateTime.parse(t.path("startTimestamp").asString(), BR);
                    if (start.toLocalDate().isBefore(LocalDate.of(2026, 1, 13))) beforeMidnight = true;
                }
            }
            for (JsonNode t : txs.path("list")) {
                if (t.get("stopTimestamp").isNull()
                        && t.path("ocppIdTag").asString().isEmpty()) {
                    emptyTag = true;
                    assertThat(pkToTag).containsKey(t.path("ocppTagPk").asLong());
                }
            }
            assertThat(running).isBetween(2L, 3L);
            assertThat(beforeMidnight)
                    .as("a session started before local midnight is still running")
                    .isTrue();
            assertThat(emptyTag).as("a running transaction with ocppIdTag \"\"").isTrue();

            String before = cps.toString();
            sim.advance(Duration.ofSeconds(30));
            assertThat(client.chargepoints().toString())
                    .as("something happens within 30 s")
                    .isNotEqualTo(before);

            int countBefore = txs.path("count").asInt();
            sim.advance(Duration.ofHours(6));
            JsonNode later = client.transactions("2026-01-10 00:00:00", "2026-01-14 00:00:00");
            assertThat(later.path("count").asInt())
                    .as("history is kept and new sessions appear")
                    .isGreaterThan(countBefore);
        }
    }

    @Test
    void autopilotIsDeterministicForTheSameSeed() {
        Instant t0 = Instant.parse("2026-01-13T10:15:00Z");
        SimulatorConfig cfg = SimulatorConfig.demo().withAutoRun(false, 1).withStartAt(t0);
        try (CveProSimulator a = CveProSimulator.start(cfg);
                CveProSimulator b = CveProSimulator.start(cfg)) {
            a.advance(Duration.ofHours(3));
            b.advance(Duration.ofHours(3));
            assertThat(a.transactions()).isEqualTo(b.transactions());
        }
    }
}
