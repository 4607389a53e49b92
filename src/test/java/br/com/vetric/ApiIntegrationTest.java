package br.com.vetric;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.sync.SyncCycle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * The JSON API over real HTTP, in demo mode (the simulator, quiet) with a real PostgreSQL: authentication,
 * roles, validation, problem details and the names integrators rely on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class ApiIntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    CveProSimulator simulator;

    @Autowired
    SyncCycle sync;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    RestClient http;

    @BeforeEach
    void setUp() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {})
                .build();
    }

    ResponseEntity<Map<String, Object>> call(String method, String path, String token, Object body) {
        RestClient.RequestBodySpec spec = http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (token != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (adminTokens.contains(token)) {
            spec.header(CurrentCondominium.HEADER, primary());
        }
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.retrieve().toEntity(MAP);
    }

    String login(String email, String password) {
        ResponseEntity<Map<String, Object>> r =
                call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).containsKey("expiresAt");
        return (String) r.getBody().get("token");
    }

    /**
     * An ADMIN's token. Its calls name the primary condominium in {@code Vetric-Condominium}: other tests add
     * condominiums to this context, and with more than one active an ADMIN must say which it acts on.
     */
    String admin() {
        String token = login("admin@vetric.test", "admin-test-password");
        adminTokens.add(token);
        return token;
    }

    final java.util.Set<String> adminTokens = new java.util.HashSet<>();

    String primary() {
        return Long.toString(condominiums.primary().id().value());
    }

    @Test
    void loginFailsTheSameWayForAWrongPasswordAndAnUnknownEmail() {
        ResponseEntity<Map<String, Object>> wrong =
                call("POST", "/api/v1/auth/login", null, Map.of("email", "admin@vetric.test", "password", "nope-nope"));
        ResponseEntity<Map<String, Object>> unknown = call(
                "POST", "/api/v1/auth/login", null, Map.of("email", "nobody@vetric.test", "password", "nope-nope"));
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(unknown.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getBody()).isEqualTo(unknown.getBody());
        assertThat(wrong.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void everyApiCallNeedsAValidBearerToken() {
        assertThat(call("GET", "/api/v1/chargers", null, null).getStatusCode().value())
                .isEqualTo(401);
        assertThat(call("GET", "/api/v1/sessions", "not-a-jwt", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(call("GET", "/api/v1/residents", admin(), null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void residentsAreCreatedWithNormalisedPhoneAndTags() {
        ResponseEntity<Map<String, Object>> r = call(
                "POST",
                "/api/v1/residents",
                admin(),
                Map.of(
                        "name",
                        "Ana Lima",
                        "apartment",
                        "Apto 1501",
                        "tower",
                        "Torre B",
                        "phone",
                        "(11) 99876-5432",
                        "tags",
                        List.of(" a1b2c3d4 ", "E5F6A7B8"),
                        "notificationsEnabled",
                        true));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getHeaders().getLocation()).isNotNull();
        assertThat(r.getBody())
                .containsEntry("apartment", "1501") // "Apto 1501", "Torre B": one unit rule (residents.Unit)
                .containsEntry("tower", "B")
                .containsEntry("phone", "+5511998765432")
                .containsEntry("tags", List.of("A1B2C3D4", "E5F6A7B8"))
                .containsEntry("notificationsEnabled", true);
    }

    @Test
    void aTagAlreadyUsedIsA409NamingItAndNothingIsWritten() {
        String token = admin();
        String used = DemoCondominium.load().residents().getFirst().tags().getFirst();
        long before = ((Number) call("GET", "/api/v1/residents?includeInactive=true", token, null)
                        .getBody()
                        .get("totalElements"))
                .longValue();
        ResponseEntity<Map<String, Object>> r = call(
                "POST",
                "/api/v1/residents",
                token,
                Map.of("name", "Intruso", "apartment", "Apto 9", "tags", List.of("FRESH001", used.toLowerCase())));
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat((String) r.getBody().get("detail")).contains(used);
        long after = ((Number) call("GET", "/api/v1/residents?includeInactive=true", token, null)
                        .getBody()
                        .get("totalElements"))
                .longValue();
        assertThat(after).isEqualTo(before);
        ResponseEntity<Map<String, Object>> search = call("GET", "/api/v1/residents?q=FRESH001", token, null);
        assertThat(((Number) search.getBody().get("totalElements")).longValue()).isZero();
    }

    @Test
    void invalidInputIsA400NamingTheField() {
        String token = admin();
        ResponseEntity<Map<String, Object>> noName =
                call("POST", "/api/v1/residents", token, Map.of("apartment", "Apto 9"));
        assertThat(noName.getStatusCode().value()).isEqualTo(400);
        assertThat((String) noName.getBody().get("detail")).contains("name");
        ResponseEntity<Map<String, Object>> badPhone =
                call("POST", "/api/v1/residents", token, Map.of("name", "X", "apartment", "Apto 9", "phone", "12345"));
        assertThat(badPhone.getStatusCode().value()).isEqualTo(400);
        assertThat((String) badPhone.getBody().get("detail")).startsWith("phone");
        ResponseEntity<Map<String, Object>> badStatus = call("GET", "/api/v1/sessions?status=PARKED", token, null);
        assertThat(badStatus.getStatusCode().value()).isEqualTo(400);
        assertThat((String) badStatus.getBody().get("detail")).startsWith("status");
        assertThat(call("GET", "/api/v1/sessions/999999", token, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void anUnknownEnumValueInAQueryIsA400NamingTheParameterAndItsAllowedValues() {
        String token = admin();
        ResponseEntity<Map<String, Object>> r = call("GET", "/api/v1/reports?kind=X", token, null);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat((String) r.getBody().get("detail")).startsWith("kind").contains("UPLOADED", "STATEMENT");
        assertThat(r.getBody().get("errors"))
                .isEqualTo(List.of(Map.of("field", "kind", "message", "must be one of UPLOADED, STATEMENT")));
        assertThat(http.get()
                        .uri("/api/v1/reports?kind=STATEMENT")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header(CurrentCondominium.HEADER, primary())
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void updateAndDeactivateKeepHistoryAndReleaseTags() {
        String token = admin();
        Map<String, Object> created = call(
                        "POST",
                        "/api/v1/residents",
                        token,
                        Map.of("name", "Bruno", "apartment", "Apto 3", "tags", List.of("CAFE0001")))
                .getBody();
        Number id = (Number) created.get("id");
        ResponseEntity<Map<String, Object>> updated = call(
                "PUT",
                "/api/v1/residents/" + id,
                token,
                Map.of(
                        "name",
                        "Bruno Alves",
                        "apartment",
                        "Apto 3",
                        "tags",
                        List.of("CAFE0001", "CAFE0002"),
                        "notificationsEnabled",
                        false));
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody())
                .containsEntry("name", "Bruno Alves")
                .containsEntry("notificationsEnabled", false)
                .containsEntry("tags", List.of("CAFE0001", "CAFE0002"));
        assertThat(call("DELETE", "/api/v1/residents/" + id, token, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        Map<String, Object> after =
                call("GET", "/api/v1/residents/" + id, token, null).getBody();
        assertThat(after).containsEntry("active", false).containsEntry("tags", List.of());
    }

    /** Since issue #10 a CLIENTE writes residents by default; the operator can turn that off (then 403). */
    @Test
    void aClienteReadsButCannotWriteResidentsWhenTheOperatorDoesNotAllowIt() {
        users.ensure(
                "gestor@vetric.test",
                "Gestor",
                Role.CLIENTE,
                condominiums.primary().id().value(),
                "gestor-pass-1");
        String token = login("gestor@vetric.test", "gestor-pass-1");
        condominiums.setResidentsEditableByManager(condominiums.primary().id(), false);
        try {
            assertThat(call("GET", "/api/v1/residents", token, null)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            ResponseEntity<Map<String, Object>> r =
                    call("POST", "/api/v1/residents", token, Map.of("name", "X", "apartment", "Apto 9"));
            assertThat(r.getStatusCode().value()).isEqualTo(403);
            assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
        } finally {
            condominiums.setResidentsEditableByManager(condominiums.primary().id(), true);
        }
    }

    @Test
    void chargersAndSessionsCarryTheDocumentedFields() {
        String tag = DemoCondominium.load().residents().get(2).tags().getFirst();
        simulator.plugIn("Garagem 1", tag);
        simulator.startCharging("Garagem 1");
        simulator.advance(java.time.Duration.ofMinutes(10));
        assertThat(sync.run(condominiums.primary().id()).success()).isTrue();
        String token = admin();

        List<Map<String, Object>> chargers = http.get()
                .uri("/api/v1/chargers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(CurrentCondominium.HEADER, primary())
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        assertThat(chargers).hasSize(6);
        Map<String, Object> g1 = chargers.stream()
                .filter(c -> "Garagem 1".equals(c.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(g1)
                .containsKeys(
                        "uuid",
                        "chargeBoxId",
                        "name",
                        "status",
                        "errorCode",
                        "online",
                        "lastStatusAt",
                        "lastHeartbeatAt",
                        "connectors",
                        "openSession");
        assertThat(g1.get("status")).isEqualTo("Charging");
        @SuppressWarnings("unchecked")
        Map<String, Object> open = (Map<String, Object>) g1.get("openSession");
        assertThat(open).containsEntry("idTag", tag).containsEntry("status", "CHARGING");

        Map<String, Object> page = call(
                        "GET", "/api/v1/sessions?status=CHARGING&chargerUuid=" + g1.get("uuid"), token, null)
                .getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> content = (List<Map<String, Object>>) page.get("content");
        assertThat(content).hasSize(1);
        Map<String, Object> s = content.getFirst();
        assertThat(s)
                .containsKeys(
                        "id",
                        "externalTransactionId",
                        "chargerUuid",
                        "chargerName",
                        "connectorId",
                        "idTag",
                        "residentId",
                        "residentName",
                        "apartment",
                        "status",
                        "startedAt",
                        "endedAt",
                        "energyWh",
                        "durationSeconds",
                        "idleSince",
                        "endReason");
        assertThat((String) s.get("startedAt")).endsWith("-03:00");
        assertThat(s.get("residentName"))
                .isEqualTo(DemoCondominium.load().residents().get(2).name());
        Map<String, Object> one =
                call("GET", "/api/v1/sessions/" + s.get("id"), token, null).getBody();
        assertThat(one).containsEntry("id", s.get("id"));
    }

    @Test
    void aClienteNeverSeesAnotherCondominiumsData() {
        long other = condominiums.create("Condomínio Vizinho").id().value();
        Long foreignSession = jdbc.sql("""
                insert into charging_session (condominium_id, charger_uuid, connector_id, status, started_at, ended_at, energy_wh)
                values (:c, 'foreign-charger', 1, 'FINISHED', now() - interval '2 hours', now() - interval '1 hour', 5000)
                returning id""").param("c", other).query(Long.class).single();
        users.ensure("vizinho@vetric.test", "Vizinho", Role.CLIENTE, other, "vizinho-pass-1");
        users.ensure(
                "gestor2@vetric.test",
                "Gestor",
                Role.CLIENTE,
                condominiums.primary().id().value(),
                "gestor-pass-2");
        String mine = login("gestor2@vetric.test", "gestor-pass-2");
        String theirs = login("vizinho@vetric.test", "vizinho-pass-1");
        assertThat(call("GET", "/api/v1/sessions/" + foreignSession, mine, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/sessions/" + foreignSession, theirs, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        Map<String, Object> page = call("GET", "/api/v1/sessions?chargerUuid=foreign-charger", mine, null)
                .getBody();
        assertThat(((Number) page.get("totalElements")).longValue()).isZero();
        Map<String, Object> residentsOfOther =
                call("GET", "/api/v1/residents", theirs, null).getBody();
        assertThat(((Number) residentsOfOther.get("totalElements")).longValue()).isZero();
    }

    @Test
    void aClienteOfAnotherCondominiumSeesNoneOfThePrimaryCondominiumsDataAnywhere() {
        // data in the primary condominium: chargers, a live session of a resident, the seeded residents
        String tag = DemoCondominium.load().residents().get(5).tags().getFirst();
        simulator.plugIn("Garagem 6", tag);
        simulator.startCharging("Garagem 6");
        simulator.advance(java.time.Duration.ofMinutes(5));
        assertThat(sync.run(condominiums.primary().id()).success()).isTrue();
        String admin = admin();
        assertThat(((Number) call("GET", "/api/v1/sessions", admin, null)
                                .getBody()
                                .get("totalElements"))
                        .longValue())
                .isPositive();

        long other = condominiums.create("Condomínio Isolado").id().value();
        users.ensure("isolado@vetric.test", "Isolado", Role.CLIENTE, other, "isolado-pass-1");
        String theirs = login("isolado@vetric.test", "isolado-pass-1");
        List<?> chargers = http.get()
                .uri("/api/v1/chargers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + theirs)
                .retrieve()
                .body(List.class);
        assertThat(chargers).isEmpty();
        for (String path : List.of("/api/v1/sessions", "/api/v1/residents", "/api/v1/notifications")) {
            ResponseEntity<Map<String, Object>> r = call("GET", path, theirs, null);
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(((Number) r.getBody().get("totalElements")).longValue())
                    .as(path)
                    .isZero();
        }
        String month =
                java.time.YearMonth.now(br.com.vetric.shared.Zones.SAO_PAULO).toString();
        Map<String, Object> consumption =
                call("GET", "/api/v1/consumption?month=" + month, theirs, null).getBody();
        assertThat(((Number) consumption.get("totalWh")).longValue()).isZero();
        List<?> reports = http.get()
                .uri("/api/v1/reports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + theirs)
                .retrieve()
                .body(List.class);
        assertThat(reports).isEmpty();
        Map<String, Object> mine =
                call("GET", "/api/v1/consumption?month=" + month, admin, null).getBody();
        assertThat(((Number) mine.get("totalWh")).longValue()).isPositive();
    }

    @Test
    void healthIsPublicAndFreeOfSecrets() {
        sync.run(condominiums.primary().id());
        ResponseEntity<String> r = http.get().uri("/health").retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody())
                .contains(
                        "\"status\":\"UP\"",
                        "\"connected\":true",
                        "\"consecutiveFailures\":0",
                        "\"database\":{\"up\":true}");
        assertThat(r.getBody())
                .doesNotContain(
                        simulator.config().password(), simulator.config().apiKey(), "admin-test-password");
        assertThat(http.get()
                        .uri("/actuator/health/liveness")
                        .retrieve()
                        .toEntity(String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.get()
                        .uri("/actuator/health/readiness")
                        .retrieve()
                        .toEntity(String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }
}
