package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.DatabaseDump;
import br.com.vetric.support.HttpFrom;
import br.com.vetric.support.SimulatedAccount;
import br.com.vetric.support.WebTest;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several CVE-PRO accounts over real HTTP (each a simulator on its own port) and a real PostgreSQL: one account per
 * condominium, and one shared account whose chargers are assigned to two condominiums. A charger nobody assigned is
 * in the inbox and no condominium sees it; its sessions wait and come with its assignment. An account whose login is
 * refused says so and the others keep flowing. No secret ever appears in an answer, a log line or the database.
 */
@WebTest
@ExtendWith(OutputCaptureExtension.class)
class MultiAccountSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    SyncCycle sync;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Sessions sessions;

    @Autowired
    Chargers chargers;

    @Autowired
    JdbcClient jdbc;

    HttpFrom http;
    String[] admin;

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        HttpResponse<String> login = http.apiLogin("admin@vetric.test", "admin-test-password");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        admin = new String[] {"Authorization", "Bearer " + JsonPath.read(login.body(), "$.token")};
    }

    long connect(SimulatedAccount account, Long defaultCondominium) {
        HttpResponse<String> r = http.postJson("/api/v1/cpms-connections", account.json(defaultCondominium), admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ((Number) JsonPath.read(r.body(), "$.id")).longValue();
    }

    List<ChargingSession> sessionsOf(CondominiumId condo) {
        return sessions.search(condo, SessionFilter.none(), 0, 100).content();
    }

    Map<String, Object> connection(long id) {
        HttpResponse<String> r = http.get("/api/v1/cpms-connections/" + id, admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonPath.read(r.body(), "$");
    }

    @Test
    void aSharedAccountIsSplitByAssignmentAndAChargersWaitingSessionsComeWithItsAssignment(CapturedOutput output) {
        CondominiumId own = condominiums.create("Residencial Conta Própria").id();
        CondominiumId north =
                condominiums.create("Torre Norte (conta compartilhada)").id();
        CondominiumId south =
                condominiums.create("Torre Sul (conta compartilhada)").id();
        try (SimulatedAccount mine = SimulatedAccount.start("Vaga própria", 2);
                SimulatedAccount shared = SimulatedAccount.start(
                        "Vaga compartilhada", 3, java.time.Instant.now().minus(Duration.ofDays(4)))) {
            long mineId = connect(mine, own.value());
            long sharedId = connect(shared, null);

            // the shared account's first charger charged four days ago, before VETRIC knew the account (older than the
            // rolling transaction window); its second charges now; nobody assigned them: nobody sees them
            String first = shared.uuids.get(0);
            String second = shared.uuids.get(1);
            String third = shared.uuids.get(2);
            shared.simulator.plugIn(first, "AABB0001");
            shared.simulator.startCharging(first);
            shared.simulator.advance(Duration.ofMinutes(40));
            shared.simulator.stop(first, "EVDisconnected");
            shared.simulator.unplug(first);
            shared.catchUp();
            shared.simulator.plugIn(second, "AABB0002");
            shared.simulator.startCharging(second);
            shared.simulator.advance(Duration.ofMinutes(5));
            mine.catchUp();
            assertThat(sync.runConnection(mineId)).containsOnlyKeys(own);
            assertThat(sync.runConnection(sharedId))
                    .as("a shared account serves nobody yet")
                    .isEmpty();

            assertThat(chargers.list(own))
                    .extracting(ChargerView::uuid)
                    .containsExactlyInAnyOrderElementsOf(mine.uuids);
            for (CondominiumId condo : List.of(north, south)) {
                assertThat(chargers.list(condo)).isEmpty();
                assertThat(sessionsOf(condo)).isEmpty();
            }
            assertThat(jdbc.sql("select count(*) from charger where uuid = any(:u)")
                            .param("u", shared.uuids.toArray(String[]::new))
                            .query(Long.class)
                            .single())
                    .as("an unassigned charger belongs to no condominium")
                    .isZero();
            List<String> inbox = JsonPath.read(
                    http.get("/api/v1/cpms-connections/" + sharedId + "/chargers", admin)
                            .body(),
                    "$[?(@.condominiumId == null)].uuid");
            assertThat(inbox).containsExactlyInAnyOrderElementsOf(shared.uuids);
            HttpFrom browser = HttpFrom.withCookies("127.0.0.1", port);
            browser.formLogin("admin@vetric.test", "admin-test-password");
            HttpResponse<String> inboxPage = browser.get("/admin/chargers/unassigned");
            assertThat(inboxPage.statusCode()).isEqualTo(200);
            String page = inboxPage.body();
            assertThat(page).contains("Carregadores sem condomínio").contains(shared.uuids);

            // the third is assigned to the north tower and the second to the south one, and polled: both are then
            // established condominiums of the account (their next polls read the rolling window only)
            assertThat(http.putJson(
                                    "/api/v1/chargers/" + second + "/assignment",
                                    "{\"condominiumId\": %d}".formatted(south.value()),
                                    admin)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(http.putJson(
                                    "/api/v1/chargers/" + third + "/assignment",
                                    "{\"condominiumId\": %d}".formatted(north.value()),
                                    admin)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(sync.runConnection(sharedId)).containsOnlyKeys(north, south);
            assertThat(sessionsOf(north)).isEmpty();
            assertThat(sessionsOf(south)).hasSize(1);

            // the first is assigned to the north tower: it comes named as assigned, with the session that waited
            HttpResponse<String> assigned = http.putJson(
                    "/api/v1/chargers/" + first + "/assignment",
                    "{\"condominiumId\": %d, \"displayName\": \"Vaga 12 Norte\"}".formatted(north.value()),
                    admin);
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            assertThat((Boolean) JsonPath.read(assigned.body(), "$.waiting")).isTrue();
            shared.simulator.advance(Duration.ofSeconds(10));
            Map<CondominiumId, CycleOutcome> polled = sync.runConnection(sharedId);
            assertThat(polled).containsOnlyKeys(north, south);
            assertThat(polled.values()).allMatch(CycleOutcome::success);

            assertThat(chargers.list(north)).extracting(ChargerView::uuid).containsExactlyInAnyOrder(first, third);
            assertThat(chargers.get(north, first).name()).isEqualTo("Vaga 12 Norte");
            assertThat(chargers.list(south)).extracting(ChargerView::uuid).containsExactly(second);
            var finished = shared.simulator.transactions().stream()
                    .filter(t -> t.chargeBoxUuid().equals(first))
                    .findFirst()
                    .orElseThrow();
            assertThat(sessionsOf(north)).singleElement().satisfies(s -> {
                assertThat(s.externalTransactionId()).isEqualTo(finished.id());
                assertThat(s.idTag()).isEqualTo("AABB0001");
                assertThat(s.open()).isFalse();
                assertThat(Duration.between(finished.start(), s.startedAt()).abs())
                        .as("started as CVE-PRO says (it sends whole seconds)")
                        .isLessThan(Duration.ofSeconds(1));
                assertThat(s.energyWh()).isEqualTo(finished.energyWh()).isPositive();
            });
            assertThat(sessionsOf(south)).singleElement().satisfies(s -> {
                assertThat(s.chargerUuid()).isEqualTo(second);
                assertThat(s.idTag()).isEqualTo("AABB0002");
                assertThat(s.open()).isTrue();
            });
            assertThat(sessionsOf(own)).isEmpty();
            List<Boolean> waiting = JsonPath.read(
                    http.get("/api/v1/cpms-connections/" + sharedId + "/chargers", admin)
                            .body(),
                    "$[*].waiting");
            assertThat(waiting).as("imported once").containsOnly(false);

            // a second poll changes nothing: the waiting sessions were imported once
            shared.simulator.advance(Duration.ofSeconds(10));
            sync.runConnection(sharedId);
            assertThat(sessionsOf(north)).hasSize(1);
            assertThat(sessionsOf(south)).hasSize(1);
            assertThat(connection(sharedId)).containsEntry("state", "OK");

            // the shared account's password is changed on the CVE-PRO side: its login is refused, the other flows on
            HttpResponse<String> wrong = http.patchJson(
                    "/api/v1/cpms-connections/" + sharedId, "{\"password\": \"not-the-password-anymore\"}", admin);
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(200);
            assertThat(sync.runConnection(sharedId).values()).noneMatch(CycleOutcome::success);
            mine.simulator.plugIn(mine.uuids.get(0), "CCDD0001");
            mine.simulator.startCharging(mine.uuids.get(0));
            mine.simulator.advance(Duration.ofSeconds(10));
            assertThat(sync.runConnection(mineId).get(own).success()).isTrue();
            assertThat(sessionsOf(own))
                    .singleElement()
                    .satisfies(s -> assertThat(s.idTag()).isEqualTo("CCDD0001"));
            assertThat(connection(sharedId)).containsEntry("state", "LOGIN_REFUSED");
            assertThat(connection(mineId)).containsEntry("state", "OK");
            String health = http.get("/health").body();
            assertThat(health)
                    .contains("{\"id\":" + sharedId + ",\"state\":\"LOGIN_REFUSED\"")
                    .contains("{\"id\":" + mineId + ",\"state\":\"OK\"");
            HttpResponse<String> connectionPage = browser.get("/admin/connections/" + sharedId);
            assertThat(connectionPage.statusCode()).isEqualTo(200);
            assertThat(connectionPage.body()).contains("login recusado", "Vaga 12 Norte");
            page += connectionPage.body() + browser.get("/admin/connections").body();

            // no secret anywhere: API answers, pages, logs, the database
            String answers = http.get("/api/v1/cpms-connections", admin).body()
                    + http.get("/api/v1/cpms-connections/" + sharedId, admin).body()
                    + page
                    + health;
            for (SimulatedAccount a : List.of(mine, shared)) {
                for (String secret : List.of(a.apiKey, a.password)) {
                    assertThat(answers).doesNotContain(secret);
                    assertThat(output.getAll()).doesNotContain(secret);
                    assertThat(DatabaseDump.tablesContaining(jdbc, secret))
                            .as(secret)
                            .isEmpty();
                }
            }
            assertThat(output.getAll()).doesNotContain("not-the-password-anymore");
        }
    }
}
