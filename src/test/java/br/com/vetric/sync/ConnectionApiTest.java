package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.DatabaseDump;
import br.com.vetric.support.HttpFrom;
import br.com.vetric.support.SimulatedAccount;
import br.com.vetric.support.WebTest;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
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
 * {@code /api/v1/cpms-connections} and {@code PUT /api/v1/chargers/{uuid}/assignment} over real HTTP with a real
 * PostgreSQL: the contract (secrets write-only, encrypted at rest, in no answer and no log line), and bad input
 * answered 400/404/409 naming the field or the charger, with nothing written.
 */
@WebTest
@ExtendWith(OutputCaptureExtension.class)
class ConnectionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle sync;

    HttpFrom http;
    String[] admin;

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        admin = bearer("admin@vetric.test", "admin-test-password");
    }

    String[] bearer(String email, String password) {
        HttpResponse<String> login = http.apiLogin(email, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return new String[] {"Authorization", "Bearer " + JsonPath.read(login.body(), "$.token")};
    }

    long connections() {
        return jdbc.sql("select count(*) from cpms_connection")
                .query(Long.class)
                .single();
    }

    static void assertProblem(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        if (field != null) {
            assertThat((String) JsonPath.read(r.body(), "$.errors[0].field")).isEqualTo(field);
        }
    }

    @Test
    void anAdminAddsReadsChangesAndDeletesAConnectionAndItsSecretsNeverComeBack(CapturedOutput output) {
        CondominiumId condo = condominiums.create("Residencial API de Conexões").id();
        try (SimulatedAccount account = SimulatedAccount.start("Vaga API", 1)) {
            HttpResponse<String> created =
                    http.postJson("/api/v1/cpms-connections", account.json(condo.value()), admin);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/cpms-connections/" + id);
            Map<String, Object> body = JsonPath.read(created.body(), "$");
            assertThat(body)
                    .containsEntry("url", account.simulator.baseUrl())
                    .containsEntry("email", account.email)
                    .containsEntry("defaultCondominiumId", (int) condo.value())
                    .containsEntry("fromEnvironment", false)
                    .containsEntry("state", "NOT_POLLED_YET")
                    .doesNotContainKeys("apiKey", "password");

            Map<String, Object> stored = jdbc.sql("select api_key, password from cpms_connection where id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat((String) stored.get("api_key")).startsWith("v1:").doesNotContain(account.apiKey);
            assertThat((String) stored.get("password")).startsWith("v1:").doesNotContain(account.password);

            assertThat(sync.runConnection(id).get(condo).success()).isTrue(); // the secrets work: it logged in
            HttpResponse<String> one = http.get("/api/v1/cpms-connections/" + id, admin);
            assertThat((String) JsonPath.read(one.body(), "$.state")).isEqualTo("OK");
            List<Integer> ids =
                    JsonPath.read(http.get("/api/v1/cpms-connections", admin).body(), "$[*].id");
            assertThat(ids).contains((int) id);
            List<String> reported = JsonPath.read(
                    http.get("/api/v1/cpms-connections/" + id + "/chargers", admin)
                            .body(),
                    "$[*].uuid");
            assertThat(reported).containsExactlyElementsOf(account.uuids);

            String newKey = "replaced-api-key-7f3e-secret";
            HttpResponse<String> patched = http.patchJson(
                    "/api/v1/cpms-connections/" + id,
                    "{\"apiKey\": \"" + newKey + "\", \"defaultCondominiumId\": null}",
                    admin);
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            assertThat((Object) JsonPath.read(patched.body(), "$.defaultCondominiumId"))
                    .isNull();
            assertThat(patched.body()).doesNotContain(newKey, account.password);
            assertThat(sync.runConnection(id).values())
                    .as("the simulator does not know the new key: the next poll logs in anew and is refused")
                    .allSatisfy(o -> assertThat(o.success()).isFalse());
            assertThat((String) JsonPath.read(
                            http.get("/api/v1/cpms-connections/" + id, admin).body(), "$.state"))
                    .isEqualTo("LOGIN_REFUSED");

            HttpResponse<String> stillAssigned = http.delete("/api/v1/cpms-connections/" + id, admin);
            assertProblem(stillAssigned, 409, null);
            assertThat((String) JsonPath.read(stillAssigned.body(), "$.detail")).contains("assigned");
            assertThat(http.get("/api/v1/cpms-connections/" + id, admin).statusCode())
                    .isEqualTo(200);

            for (String secret : List.of(account.apiKey, account.password, newKey)) {
                assertThat(output.getAll()).as("logs").doesNotContain(secret);
                assertThat(DatabaseDump.tablesContaining(jdbc, secret))
                        .as(secret)
                        .isEmpty();
            }
        }
    }

    @Test
    void aConnectionWithoutAssignedChargersIsDeleted() {
        try (SimulatedAccount account = SimulatedAccount.start("Vaga apagada", 1)) {
            long id = addedAndPolled(account); // its charger lands in the inbox
            assertThat(http.delete("/api/v1/cpms-connections/" + id, admin).statusCode())
                    .isEqualTo(204);
            assertThat(http.get("/api/v1/cpms-connections/" + id, admin).statusCode())
                    .isEqualTo(404);
            assertThat(jdbc.sql("select count(*) from cpms_charger where uuid = :u")
                            .param("u", account.uuids.getFirst())
                            .query(Long.class)
                            .single())
                    .as("its unassigned chargers go with it")
                    .isZero();
        }
    }

    @Test
    void badConnectionsAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = connections();
        String valid = "{\"url\": \"https://cve.example.test\", \"apiKey\": \"k\", \"email\": \"a@b.test\","
                + " \"password\": \"p\"";
        assertProblem(
                http.postJson(
                        "/api/v1/cpms-connections",
                        "{\"url\": \"not a url\", \"apiKey\": \"k\", \"email\": \"a@b.test\", \"password\": \"p\"}",
                        admin),
                400,
                "url");
        assertProblem(
                http.postJson(
                        "/api/v1/cpms-connections",
                        "{\"url\": \"ftp://cve.example.test\", \"apiKey\": \"k\", \"email\": \"a@b.test\","
                                + " \"password\": \"p\"}",
                        admin),
                400,
                "url");
        assertProblem(
                http.postJson(
                        "/api/v1/cpms-connections",
                        "{\"url\": \"https://cve.example.test\", \"apiKey\": \"k\", \"email\": \"a@b.test\"}",
                        admin),
                400,
                "password");
        assertProblem(http.postJson("/api/v1/cpms-connections", valid + ", \"token\": \"x\"}", admin), 400, "token");
        assertProblem(
                http.postJson("/api/v1/cpms-connections", valid + ", \"defaultCondominiumId\": 987654}", admin),
                400,
                "defaultCondominiumId");
        assertThat(connections()).isEqualTo(before);

        HttpResponse<String> first = http.postJson("/api/v1/cpms-connections", valid + "}", admin);
        assertThat(first.statusCode()).isEqualTo(201);
        assertProblem(http.postJson("/api/v1/cpms-connections", valid + "}", admin), 409, "email");
        long id = ((Number) JsonPath.read(first.body(), "$.id")).longValue();
        assertProblem(http.patchJson("/api/v1/cpms-connections/" + id, "{\"url\": \"https://\"}", admin), 400, "url");
        assertProblem(http.patchJson("/api/v1/cpms-connections/" + id, "{\"password\": null}", admin), 400, "password");
        assertThat((String) JsonPath.read(
                        http.get("/api/v1/cpms-connections/" + id, admin).body(), "$.url"))
                .isEqualTo("https://cve.example.test");
        assertThat(http.get("/api/v1/cpms-connections/987654", admin).statusCode())
                .isEqualTo(404);
        assertThat(http.delete("/api/v1/cpms-connections/" + id, admin).statusCode())
                .isEqualTo(204);
        assertThat(connections()).isEqualTo(before);
    }

    @Test
    void aChargerAssignedToAnotherCondominiumOrToNoneThatExistsIsRefusedNamingIt() {
        CondominiumId a = condominiums.create("Edifício Atribuição A").id();
        CondominiumId b = condominiums.create("Edifício Atribuição B").id();
        try (SimulatedAccount account = SimulatedAccount.start("Vaga atribuída", 2)) {
            long id = addedAndPolled(account);
            String uuid = account.uuids.getFirst();
            String path = "/api/v1/chargers/" + uuid + "/assignment";

            assertProblem(http.putJson(path, "{\"condominiumId\": 987654}", admin), 400, "condominiumId");
            assertProblem(http.putJson(path, "{\"displayName\": \"Sem condomínio\"}", admin), 400, "condominiumId");
            assertProblem(http.putJson(path, "{\"condominiumId\": \"um\"}", admin), 400, "condominiumId");
            assertThat(http.putJson("/api/v1/chargers/no-such-charger/assignment", "{\"condominiumId\": 1}", admin)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(jdbc.sql("select condominium_id from cpms_charger where uuid = :u")
                            .param("u", uuid)
                            .query(Long.class)
                            .optional())
                    .as("nothing half-written")
                    .isEmpty();

            HttpResponse<String> ok = http.putJson(
                    path, "{\"condominiumId\": %d, \"displayName\": \"Vaga 7\"}".formatted(a.value()), admin);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat((Integer) JsonPath.read(ok.body(), "$.condominiumId")).isEqualTo((int) a.value());
            HttpResponse<String> twice = http.putJson(path, "{\"condominiumId\": %d}".formatted(b.value()), admin);
            assertProblem(twice, 409, "condominiumId");
            assertThat((String) JsonPath.read(twice.body(), "$.detail")).contains(uuid);
            HttpResponse<String> renamed = http.putJson(
                    path, "{\"condominiumId\": %d, \"displayName\": \"Vaga 8\"}".formatted(a.value()), admin);
            assertThat((String) JsonPath.read(renamed.body(), "$.displayName")).isEqualTo("Vaga 8");
            assertThat(jdbc.sql("select condominium_id from cpms_charger where uuid = :u")
                            .param("u", uuid)
                            .query(Long.class)
                            .single())
                    .isEqualTo(a.value());
        }
    }

    /** The basic plan's 5 chargers: the sixth assignment is refused with the limit, the plan and the use. */
    @Test
    void anAssignmentPastThePlansChargerLimitIsRefusedNamingItAndNothingIsAssigned() {
        CondominiumId basic = condominiums
                .create(CondominiumCommand.named("Edifício Plano Básico").withPlan("basic"))
                .id();
        try (SimulatedAccount account = SimulatedAccount.start("Vaga do plano", 6)) {
            long id = addedAndPolled(account);
            for (String uuid : account.uuids.subList(0, 5)) {
                HttpResponse<String> ok = http.putJson(
                        "/api/v1/chargers/" + uuid + "/assignment",
                        "{\"condominiumId\": %d}".formatted(basic.value()),
                        admin);
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            }
            String sixth = account.uuids.get(5);
            HttpResponse<String> refused = http.putJson(
                    "/api/v1/chargers/" + sixth + "/assignment",
                    "{\"condominiumId\": %d}".formatted(basic.value()),
                    admin);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("5");
            assertThat(jdbc.sql("select condominium_id from cpms_charger where uuid = :u")
                            .param("u", sixth)
                            .query(Long.class)
                            .optional())
                    .as("the sixth stays in the inbox")
                    .isEmpty();
        }
    }

    /** Adds the account as a connection without a default condominium and polls it once: its chargers are in the inbox. */
    long addedAndPolled(SimulatedAccount account) {
        long id = ((Number) JsonPath.read(
                        http.postJson("/api/v1/cpms-connections", account.json(null), admin)
                                .body(),
                        "$.id"))
                .longValue();
        sync.runConnection(id);
        return id;
    }

    @Test
    void onlyAnAdminSeesOrChangesConnections() {
        String[] cliente = bearer(
                br.com.vetric.support.WebFixtures.CLIENTE_EMAIL, br.com.vetric.support.WebFixtures.CLIENTE_PASSWORD);
        assertThat(http.get("/api/v1/cpms-connections", cliente).statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/cpms-connections", "{}", cliente).statusCode())
                .isEqualTo(403);
        assertThat(http.putJson("/api/v1/chargers/x/assignment", "{\"condominiumId\": 1}", cliente)
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/cpms-connections").statusCode()).isEqualTo(401);
    }
}
