package br.com.vetric.condominium;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.support.HttpFrom;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The plans' limits over real HTTP with a real PostgreSQL: one resident past the limit is a 403 problem+json naming
 * the limit, the plan and the current use, with nothing written; a downgrade keeps every resident and refuses only
 * new ones; a plan without statements gets 403 on the statements API. Shares the API tests' context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class PlanLimitsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Plans plans;

    HttpFrom http;
    String admin;

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        HttpResponse<String> r = http.apiLogin("admin@vetric.test", "admin-test-password");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        admin = JsonPath.read(r.body(), "$.token");
    }

    long condominium(String plan) {
        return condominiums
                .create(new CondominiumCommand(
                        "Plano " + plan + " " + System.nanoTime(), null, null, null, null, null, plan, true))
                .id()
                .value();
    }

    void residents(long condo, int n) {
        PlanFixtures.residents(jdbc, condo, n);
    }

    long activeResidents(long condo) {
        return PlanFixtures.activeResidents(jdbc, condo);
    }

    String[] as(long condo) {
        return new String[] {"Authorization", "Bearer " + admin, "Vetric-Condominium", Long.toString(condo)};
    }

    HttpResponse<String> addResident(long condo, String name) {
        return http.postJson("/api/v1/residents", """
                {"name": "%s", "apartment": "901"}""".formatted(name), as(condo));
    }

    @Test
    void theResidentPastTheBasicPlansLimitIs403NamingTheLimitThePlanAndTheUseAndNothingIsWritten() {
        long condo = condominium("basic");
        residents(condo, 49);

        HttpResponse<String> fiftieth = addResident(condo, "Quinquagésimo");
        assertThat(fiftieth.statusCode()).as(fiftieth.body()).isEqualTo(201);

        HttpResponse<String> refused = addResident(condo, "Quinquagésimo Primeiro");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(refused.body(), "$.detail"))
                .isEqualTo("limit residents of plan basic is 50; the condominium has 50");
        assertThat((String) JsonPath.read(refused.body(), "$.limit")).isEqualTo("residents");
        assertThat((String) JsonPath.read(refused.body(), "$.plan")).isEqualTo("basic");
        assertThat((Integer) JsonPath.read(refused.body(), "$.max")).isEqualTo(50);
        assertThat((Integer) JsonPath.read(refused.body(), "$.current")).isEqualTo(50);
        assertThat(activeResidents(condo)).isEqualTo(50);
    }

    @Test
    void aDowngradeKeepsEveryResidentAndRefusesOnlyNewOnes() {
        long condo = condominium("premium");
        residents(condo, 60);
        assertThat(addResident(condo, "Sexagésimo Primeiro").statusCode()).isEqualTo(201);

        HttpResponse<String> downgraded = http.patchJson(
                "/api/v1/condominiums/" + condo, "{\"plan\": \"basic\"}", "Authorization", "Bearer " + admin);
        assertThat(downgraded.statusCode()).as(downgraded.body()).isEqualTo(200);

        HttpResponse<String> list = http.get("/api/v1/residents?size=200", as(condo));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(list.body(), "$.totalElements")).isEqualTo(61);
        HttpResponse<String> refused = addResident(condo, "Sexagésimo Segundo");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat((String) JsonPath.read(refused.body(), "$.detail"))
                .isEqualTo("limit residents of plan basic is 50; the condominium has 61");
        assertThat(activeResidents(condo)).isEqualTo(61);

        // editing who is already there is not an addition
        long someone = jdbc.sql("select min(id) from resident where condominium_id = :c")
                .param("c", condo)
                .query(Long.class)
                .single();
        HttpResponse<String> edited = http.send(http.request("/api/v1/residents/" + someone)
                .headers(as(condo))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"Morador Renomeado\", \"apartment\": \"1\"}")));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    }

    @Test
    void aPlanWithoutStatementsGets403OnTheStatementsApiAndOneWithThemDoesNot() {
        long basic = condominium("basic");
        long premium = condominium("premium");

        HttpResponse<String> list = http.get("/api/v1/reports/statements?month=2026-01", as(basic));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(403);
        assertThat((String) JsonPath.read(list.body(), "$.detail")).isEqualTo("plan basic does not include statements");
        assertThat((String) JsonPath.read(list.body(), "$.feature")).isEqualTo("statements");
        HttpResponse<String> generate = http.postJson("/api/v1/reports/statements?month=2026-01", "", as(basic));
        assertThat(generate.statusCode()).as(generate.body()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from statement where condominium_id = :c")
                        .param("c", basic)
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> allowed = http.get("/api/v1/reports/statements?month=2026-01", as(premium));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
    }

    @Test
    void onlyEnterpriseIncludesTheApiAndHasNoLimits() {
        long enterprise = condominium("enterprise");
        long premium = condominium("premium");
        assertThat(plans.allows(id(enterprise), Feature.API)).isTrue();
        assertThat(plans.allows(id(premium), Feature.API)).isFalse();
        assertThat(plans.of(id(enterprise)).max(Limit.RESIDENTS)).isEmpty();
        residents(enterprise, 250);
        assertThat(addResident(enterprise, "Duzentos e Cinquenta e Um").statusCode())
                .isEqualTo(201);
        // a charger past the limit (the other module's assignment will call this)
        plans.check(id(premium), Limit.CHARGERS, 19);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plans.check(id(premium), Limit.CHARGERS, 20))
                .isInstanceOf(PlanRefusedException.LimitExceeded.class)
                .hasMessage("limit chargers of plan premium is 20; the condominium has 20");
    }

    private static br.com.vetric.shared.CondominiumId id(long id) {
        return br.com.vetric.shared.CondominiumId.of(id);
    }
}
