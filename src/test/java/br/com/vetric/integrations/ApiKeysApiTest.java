package br.com.vetric.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.UserCommand;
import br.com.vetric.identity.Users;
import br.com.vetric.support.DatabaseDump;
import br.com.vetric.support.HttpFrom;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys over real HTTP: scopes, the key's one condominium, revocation, the rate limit, nothing stored in clear. */
@IntegrationsTest
class ApiKeysApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    HttpFrom http;
    String admin;
    Condominium condo;
    Condominium other;
    String run;

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        run = Long.toString(System.nanoTime(), 36);
        admin = IntegrationsFixtures.admin(http);
        condo = IntegrationsFixtures.enterprise(condominiums, "Chaves " + run);
        other = IntegrationsFixtures.enterprise(condominiums, "Outro " + run);
    }

    String createKey(String scopesJson, String extra) {
        HttpResponse<String> r = http.postJson(
                "/api/v1/api-keys",
                "{\"name\":\"integração " + run + "\",\"scopes\":" + scopesJson + extra + "}",
                "Authorization",
                admin,
                CurrentCondominium.HEADER,
                condo.id().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String key = JsonPath.read(r.body(), "$.key");
        assertThat(key).startsWith("vtr_live_").hasSizeGreaterThan(40);
        assertThat(key).startsWith(JsonPath.<String>read(r.body(), "$.prefix"));
        return key;
    }

    @Test
    void aKeyWithSessionsReadReadsSessionsButGets403NamingTheScopeOnCreatingAResident() {
        long session = jdbc.sql("""
                        insert into charging_session (condominium_id, external_transaction_id, charger_uuid, charger_name,
                               connector_id, id_tag, status, started_at, ended_at, energy_wh, idle_seconds)
                        values (:c, :tx, 'uuid-chaves', 'Vaga chaves', 1, 'TAGX', 'FINISHED', :s, :e, 1000, 0)
                        returning id""")
                .param("c", condo.id().value())
                .param("tx", System.nanoTime())
                .param("s", Timestamp.from(Instant.now().minusSeconds(7200)))
                .param("e", Timestamp.from(Instant.now().minusSeconds(3600)))
                .query(Long.class)
                .single();
        String key = "Bearer " + createKey("[\"sessions:read\"]", "");

        HttpResponse<String> sessions = http.get("/api/v1/sessions", "Authorization", key);
        assertThat(sessions.statusCode()).as(sessions.body()).isEqualTo(200);
        assertThat(JsonPath.<List<Integer>>read(sessions.body(), "$.content[*].id"))
                .containsExactly((int) session);
        assertThat(sessions.headers().firstValue("RateLimit-Limit")).hasValue("100");

        HttpResponse<String> resident =
                http.postJson("/api/v1/residents", "{\"name\":\"Ana\",\"apartment\":\"101\"}", "Authorization", key);
        assertThat(resident.statusCode()).isEqualTo(403);
        assertThat(resident.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(resident.body(), "$.detail")).contains("residents:write");
        assertThat(JsonPath.<String>read(resident.body(), "$.scope")).isEqualTo("residents:write");

        // endpoints keys may not call at all, and other condominiums
        assertThat(http.get("/api/v1/users", "Authorization", key).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/api-keys", "Authorization", key).statusCode())
                .isEqualTo(403);
        assertThat(http.get(
                                "/api/v1/sessions",
                                "Authorization",
                                key,
                                CurrentCondominium.HEADER,
                                other.id().toString())
                        .statusCode())
                .isEqualTo(404);
        // a user's token still works beside keys
        assertThat(http.get(
                                "/api/v1/sessions",
                                "Authorization",
                                admin,
                                CurrentCondominium.HEADER,
                                condo.id().toString())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theHundredAndFirstRequestInAMinuteGets429WithRetryAfter() {
        String key = "Bearer " + createKey("[\"chargers:read\"]", "");
        for (int i = 1; i <= 100; i++) {
            HttpResponse<String> r = http.get("/api/v1/chargers", "Authorization", key);
            assertThat(r.statusCode()).as("request " + i).isEqualTo(200);
            assertThat(r.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(100 - i));
            assertThat(r.headers().firstValue("RateLimit-Reset")).isPresent();
        }
        HttpResponse<String> over = http.get("/api/v1/chargers", "Authorization", key);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
        assertThat(over.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void aRevokedKeyGets401OnItsNextRequest() {
        String text = createKey("[\"chargers:read\"]", "");
        String key = "Bearer " + text;
        assertThat(http.get("/api/v1/chargers", "Authorization", key).statusCode())
                .isEqualTo(200);
        String list = http.get(
                        "/api/v1/api-keys",
                        "Authorization",
                        admin,
                        CurrentCondominium.HEADER,
                        condo.id().toString())
                .body();
        assertThat(list).doesNotContain(text);
        int id = JsonPath.<List<Integer>>read(list, "$[*].id").getFirst();
        assertThat(JsonPath.<List<String>>read(list, "$[*].lastUsedAt")).doesNotContainNull();

        assertThat(http.delete(
                                "/api/v1/api-keys/" + id,
                                "Authorization",
                                admin,
                                CurrentCondominium.HEADER,
                                condo.id().toString())
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> after = http.get("/api/v1/chargers", "Authorization", key);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // a made-up key, and an expired one
        assertThat(http.get("/api/v1/chargers", "Authorization", "Bearer vtr_live_nope")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anExpiredKeyGets401() {
        String key = "Bearer "
                + createKey(
                        "[\"chargers:read\"]",
                        ",\"expiresAt\":\"" + Instant.now().plusSeconds(1) + "\"");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> http.get("/api/v1/chargers", "Authorization", key).statusCode() == 401);
    }

    @Test
    void theKeysTextIsNowhereInTheDatabase() {
        String text = createKey("[\"chargers:read\",\"residents:read\"]", "");
        assertThat(http.get("/api/v1/residents", "Authorization", "Bearer " + text)
                        .statusCode())
                .isEqualTo(200);
        assertThat(DatabaseDump.tablesContaining(jdbc, text)).isEmpty();
        assertThat(DatabaseDump.tablesContaining(jdbc, text.substring(20))).isEmpty();
    }

    @Test
    void aClienteWhosePlanHasNoApiMayNotCreateKeysButOneOnEnterpriseMay() {
        Condominium basic = condominiums.create(
                new CondominiumCommand("Básico " + run, null, null, null, null, null, "basic", true));
        String email = "chaves-" + run + "@vetric.test";
        users.create(new UserCommand(
                email,
                "Síndica",
                "CLIENTE",
                List.of(basic.id().value(), condo.id().value()),
                true,
                "senha-chaves-1"));
        String cliente =
                "Bearer " + JsonPath.read(http.apiLogin(email, "senha-chaves-1").body(), "$.token");
        String body = "{\"name\":\"x\",\"scopes\":[\"chargers:read\"]}";
        assertThat(http.postJson(
                                "/api/v1/api-keys",
                                body,
                                "Authorization",
                                cliente,
                                CurrentCondominium.HEADER,
                                basic.id().toString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.postJson(
                                "/api/v1/api-keys",
                                body,
                                "Authorization",
                                cliente,
                                CurrentCondominium.HEADER,
                                condo.id().toString())
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> unknown = http.postJson(
                "/api/v1/api-keys",
                "{\"name\":\"x\",\"scopes\":[\"everything\"]}",
                "Authorization",
                cliente,
                CurrentCondominium.HEADER,
                condo.id().toString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("scopes");
    }

    @Test
    void theOpenApiDocumentDescribesBothKindsOfAuthenticationAndEachOperationsScope() {
        // the document is generated on its first request: slow on a loaded machine
        String doc = http.send(http.request("/v3/api-docs")
                        .timeout(java.time.Duration.ofMinutes(2))
                        .header("Authorization", admin)
                        .GET())
                .body();
        assertThat(JsonPath.<String>read(doc, "$.components.securitySchemes.apiKey.scheme"))
                .isEqualTo("bearer");
        assertThat(JsonPath.<String>read(doc, "$.components.securitySchemes.bearer.bearerFormat"))
                .isEqualTo("JWT");
        assertThat(JsonPath.<String>read(doc, "$.paths['/api/v1/sessions'].get.x-vetric-scope"))
                .isEqualTo("sessions:read");
        assertThat(JsonPath.<List<String>>read(doc, "$.paths['/api/v1/residents'].post.security[*].apiKey[*]"))
                .containsExactly("residents:write");
        assertThat(JsonPath.<List<Object>>read(doc, "$.paths['/api/v1/users'].get[?(@.x-vetric-scope)]"))
                .isEmpty();
    }
}
