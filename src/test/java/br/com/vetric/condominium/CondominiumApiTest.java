package br.com.vetric.condominium;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.support.HttpFrom;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /api/v1/condominiums} over real HTTP with a real PostgreSQL: the contract, and bad input answered 400 naming
 * the field (or 409 for a CNPJ in use) with nothing written. Shares the API tests' context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class CondominiumApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Condominiums condominiums;

    HttpFrom http;
    String admin;

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        admin = token("admin@vetric.test", "admin-test-password");
    }

    String token(String email, String password) {
        HttpResponse<String> r = http.apiLogin(email, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonPath.read(r.body(), "$.token");
    }

    String[] auth(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** A CNPJ nobody has: 12 random digits and their check digits. */
    static String newCnpj() {
        while (true) {
            String base = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
            for (int d = 0; d < 100; d++) {
                String candidate = base + String.format("%02d", d);
                try {
                    return Cnpj.normalize(candidate);
                } catch (IllegalArgumentException e) {
                    // not these check digits
                }
            }
        }
    }

    long count() {
        return jdbc.sql("select count(*) from condominium").query(Long.class).single();
    }

    @Test
    void anAdminCreatesReadsListsAndChangesACondominium() {
        String cnpj = newCnpj();
        HttpResponse<String> created =
                http.postJson("/api/v1/condominiums", """
                {"name": "Residencial Manaus", "cnpj": "%s", "address": "Av. Djalma Batista, 1000",
                 "phone": "(92) 3234-5678", "email": "sindico@manaus.test", "timeZone": "America/Manaus",
                 "plan": "premium"}""".formatted(Cnpj.format(cnpj)), auth(admin));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int id = JsonPath.read(created.body(), "$.id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/condominiums/" + id);
        Map<String, Object> body = JsonPath.read(created.body(), "$");
        assertThat(body)
                .containsEntry("name", "Residencial Manaus")
                .containsEntry("cnpj", cnpj)
                .containsEntry("address", "Av. Djalma Batista, 1000")
                .containsEntry("phone", "+559232345678")
                .containsEntry("email", "sindico@manaus.test")
                .containsEntry("timeZone", "America/Manaus")
                .containsEntry("plan", "premium")
                .containsEntry("active", true)
                .containsKeys("createdAt", "updatedAt");

        HttpResponse<String> one = http.get("/api/v1/condominiums/" + id, auth(admin));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(one.body(), "$.name")).isEqualTo("Residencial Manaus");
        List<Integer> ids =
                JsonPath.read(http.get("/api/v1/condominiums", auth(admin)).body(), "$[*].id");
        assertThat(ids).contains(id, (int) condominiums.primary().id().value());

        HttpResponse<String> patched = http.patchJson(
                "/api/v1/condominiums/" + id, "{\"plan\": \"enterprise\", \"address\": null}", auth(admin));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        Map<String, Object> after = JsonPath.read(patched.body(), "$");
        assertThat(after)
                .containsEntry("plan", "enterprise")
                .containsEntry("address", null)
                .containsEntry("name", "Residencial Manaus")
                .containsEntry("cnpj", cnpj)
                .containsEntry("timeZone", "America/Manaus");
        assertThat(condominiums.get(br.com.vetric.shared.CondominiumId.of(id)).plan())
                .isEqualTo(Plan.ENTERPRISE);
    }

    @Test
    void aNewCondominiumNeedsOnlyANameAndTakesTheDefaults() {
        HttpResponse<String> r = http.postJson("/api/v1/condominiums", "{\"name\": \"Edifício Padrão\"}", auth(admin));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Map<String, Object> body = JsonPath.read(r.body(), "$");
        assertThat(body)
                .containsEntry("timeZone", "America/Sao_Paulo")
                .containsEntry("plan", "basic")
                .containsEntry("active", true)
                .containsEntry("cnpj", null);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        long before = count();
        Map<String, String> cases = Map.of(
                "{\"name\": \"X\", \"cnpj\": \"11.222.333/0001-82\"}", "cnpj",
                "{\"name\": \"X\", \"timeZone\": \"America/Atlantis\"}", "timeZone",
                "{\"name\": \"X\", \"timeZone\": \"+03:00\"}", "timeZone",
                "{\"name\": \"X\", \"plan\": \"gold\"}", "plan",
                "{\"name\": \"  \"}", "name",
                "{\"name\": \"X\", \"phone\": \"123\"}", "phone",
                "{\"name\": \"X\", \"email\": \"not-an-email\"}", "email",
                "{\"name\": \"X\", \"timezone\": \"America/Manaus\"}", "timezone",
                "{\"name\": \"X\", \"active\": \"yes\"}", "active");
        cases.forEach((json, field) -> {
            HttpResponse<String> r = http.postJson("/api/v1/condominiums", json, auth(admin));
            assertThat(r.statusCode()).as(json).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat((String) JsonPath.read(r.body(), "$.errors[0].field"))
                    .as(json)
                    .isEqualTo(field);
            assertThat((String) JsonPath.read(r.body(), "$.detail")).startsWith(field + ":");
        });
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aCnpjAnotherCondominiumHasIsA409NamingItOnCreateAndOnChangeAndNothingIsWritten() {
        String cnpj = newCnpj();
        HttpResponse<String> first = http.postJson(
                "/api/v1/condominiums", "{\"name\": \"Primeiro\", \"cnpj\": \"" + cnpj + "\"}", auth(admin));
        assertThat(first.statusCode()).isEqualTo(201);
        long before = count();

        HttpResponse<String> again = http.postJson(
                "/api/v1/condominiums",
                "{\"name\": \"Segundo\", \"cnpj\": \"" + Cnpj.format(cnpj) + "\"}",
                auth(admin));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat((String) JsonPath.read(again.body(), "$.errors[0].field")).isEqualTo("cnpj");
        assertThat(count()).isEqualTo(before);

        HttpResponse<String> other = http.postJson("/api/v1/condominiums", "{\"name\": \"Terceiro\"}", auth(admin));
        int otherId = JsonPath.read(other.body(), "$.id");
        HttpResponse<String> clash = http.patchJson(
                "/api/v1/condominiums/" + otherId,
                "{\"name\": \"Terceiro Renomeado\", \"cnpj\": \"" + cnpj + "\"}",
                auth(admin));
        assertThat(clash.statusCode()).isEqualTo(409);
        Map<String, Object> unchanged = JsonPath.read(
                http.get("/api/v1/condominiums/" + otherId, auth(admin)).body(), "$");
        assertThat(unchanged).containsEntry("name", "Terceiro").containsEntry("cnpj", null);
    }

    @Test
    void aBadChangeIsA400AndLeavesTheCondominiumAsItWas() {
        HttpResponse<String> created =
                http.postJson("/api/v1/condominiums", "{\"name\": \"Intocado\", \"plan\": \"premium\"}", auth(admin));
        int id = JsonPath.read(created.body(), "$.id");
        for (String json : List.of(
                "{\"plan\": \"basic\", \"timeZone\": \"Mars/Olympus\"}",
                "{\"plan\": \"basic\", \"name\": null}",
                "{\"plan\": \"basic\", \"active\": null}",
                "[]")) {
            assertThat(http.patchJson("/api/v1/condominiums/" + id, json, auth(admin))
                            .statusCode())
                    .as(json)
                    .isEqualTo(400);
        }
        Map<String, Object> after = JsonPath.read(
                http.get("/api/v1/condominiums/" + id, auth(admin)).body(), "$");
        assertThat(after).containsEntry("name", "Intocado").containsEntry("plan", "premium");
    }

    @Test
    void anUnknownCondominiumIs404AndAClienteMayNotUseTheseEndpoints() {
        assertThat(http.get("/api/v1/condominiums/999999", auth(admin)).statusCode())
                .isEqualTo(404);
        assertThat(http.patchJson("/api/v1/condominiums/999999", "{\"plan\": \"basic\"}", auth(admin))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/condominiums/0", auth(admin)).statusCode()).isEqualTo(404);
        String cliente = token("sindico@vetric.local", "sindico-demo");
        assertThat(http.get("/api/v1/condominiums", auth(cliente)).statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/condominiums", "{\"name\": \"Meu\"}", auth(cliente))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/condominiums").statusCode()).isEqualTo(401);
    }
}
