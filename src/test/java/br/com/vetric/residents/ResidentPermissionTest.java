package br.com.vetric.residents;

import static br.com.vetric.support.WebFixtures.ADMIN_EMAIL;
import static br.com.vetric.support.WebFixtures.ADMIN_PASSWORD;
import static br.com.vetric.support.WebFixtures.CLIENTE_EMAIL;
import static br.com.vetric.support.WebFixtures.CLIENTE_PASSWORD;
import static br.com.vetric.support.WebFixtures.admin;
import static br.com.vetric.support.WebFixtures.cliente;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.SyncCycle;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The síndico (CLIENTE) changes the residents when the operator allows it for the condominium (on by default): adds,
 * edits, imports, assigns unknown tags; with it off, 403 on the API and the pages refuse and hide their buttons. Every
 * change is in the audit log with who, when and what.
 */
@WebTest
class ResidentPermissionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Residents residents;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    @Autowired
    CveProSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToTheDefault() {
        condominiums.setResidentsEditableByManager(condominiums.primary().id(), true);
    }

    @Test
    void withThePermissionOnAClienteAddsEditsImportsAndAssignsAnUnknownTag() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        assertThat(condominiums.residentsEditableByManager(condo))
                .as("on by default")
                .isTrue();
        String token = WebFixtures.apiToken(mvc, CLIENTE_EMAIL, CLIENTE_PASSWORD);

        String created = mvc.perform(bearer(post("/api/v1/residents"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Paula Síndica", "apartment": "Apto 821 Torre A", "phone": "(11) 98765-8210",
                                 "tags": ["perm-1"]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.apartment").value("821"))
                .andExpect(jsonPath("$.tower").value("A"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(bearer(put("/api/v1/residents/" + id), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Paula Síndica", "apartment": "821", "tower": "a", "phone": "(11) 98765-8211",
                                 "tags": ["PERM-1"]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("+5511987658211"));
        mvc.perform(bearer(post("/api/v1/residents/" + id + "/tags"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tag\": \"zzperm01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tags").value(org.hamcrest.Matchers.contains("PERM-1", "ZZPERM01")));

        // the pages: the buttons are there, the forms and the unknown tags work
        mvc.perform(get("/residents").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-resident\"")))
                .andExpect(content().string(containsString("id=\"import-link\"")))
                .andExpect(content().string(containsString("id=\"unknown-tags-link\"")))
                .andExpect(content().string(not(containsString("id=\"manager-permission\""))));
        mvc.perform(get("/residents/new").with(cliente(users))).andExpect(status().isOk());
        mvc.perform(post("/residents")
                        .with(cliente(users))
                        .with(csrf())
                        .param("name", "Quitéria Página")
                        .param("apartment", "822-b"))
                .andExpect(status().is3xxRedirection());
        Resident page = residents.list(condo, "Quitéria Página", false, 0, 1).getFirst();
        assertThat(page.unit()).isEqualTo("822 · Torre B");
        mvc.perform(post("/residents/" + page.id())
                        .with(cliente(users))
                        .with(csrf())
                        .param("name", "Quitéria Página")
                        .param("apartment", "822")
                        .param("tower", "B")
                        .param("phone", "(11) 98765-8220"))
                .andExpect(status().is3xxRedirection());
        assertThat(residents.get(condo, page.id()).phone()).isEqualTo("+5511987658220");
        mvc.perform(multipart("/residents/import")
                        .file(csv("nome;apartamento\nRômulo Importado;823 A\n"))
                        .with(cliente(users))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 morador(es) importado(s)")));
        assertThat(residents.list(condo, "Rômulo Importado", false, 0, 1)).hasSize(1);

        WebFixtures.charge(simulator, condominiums, cycle, "Garagem 5", "ZZPERM02");
        simulator.stop("Garagem 5", "Local");
        simulator.unplug("Garagem 5");
        WebFixtures.sync(simulator, condominiums, cycle);
        mvc.perform(get("/residents/unknown-tags").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-tag=\"ZZPERM02\"")));
        mvc.perform(post("/residents/unknown-tags/assign")
                        .with(cliente(users))
                        .with(csrf())
                        .param("tag", "ZZPERM02")
                        .param("residentId", Long.toString(page.id())))
                .andExpect(status().is3xxRedirection());
        assertThat(residents.get(condo, page.id()).tags()).contains("ZZPERM02");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get("/api/v1/sessions")
                                .param("residentId", Long.toString(page.id()))
                                .with(cliente(users)))
                        .andExpect(jsonPath("$.totalElements").value(1)));

        // and the log says it was the síndico, each time
        String audit = mvc.perform(bearer(get("/api/v1/residents/audit"), token).param("residentId", "" + id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(audit, "$.content[*].action"))
                .containsExactly("TAG_ASSIGNED", "UPDATED", "CREATED");
        assertThat(JsonPath.<List<String>>read(audit, "$.content[*].userEmail")).containsOnly(CLIENTE_EMAIL);
        assertThat(JsonPath.<List<String>>read(audit, "$.content[*].what"))
                .containsExactly(
                        "tag ZZPERM01 atribuída",
                        "telefone alterado para (••) •••••-8211",
                        "cadastrado na unidade 821 · Torre A; telefone (••) •••••-8210; tag PERM-1; avisos ligados");
    }

    @Test
    void withThePermissionOffAClienteGets403OnTheApiAndThePagesRefuseAndHideTheButtons() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        Resident someone = residents.create(
                condo, new ResidentCommand("Sérgio Fixo", "824", "A", null, List.of("FIXED-824"), true));
        mvc.perform(post("/residents/settings")
                        .with(cliente(users))
                        .with(csrf())
                        .param("managersMayChange", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/residents/settings").with(admin(users)).with(csrf())) // the box unticked
                .andExpect(status().is3xxRedirection());
        assertThat(condominiums.residentsEditableByManager(condo)).isFalse();
        long count = residents.count(condo, null, true);

        String token = WebFixtures.apiToken(mvc, CLIENTE_EMAIL, CLIENTE_PASSWORD);
        String body = "{\"name\": \"Intrusa\", \"apartment\": \"825\", \"tags\": [\"FIXED-825\"]}";
        for (MockHttpServletRequestBuilder write : List.of(
                post("/api/v1/residents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                put("/api/v1/residents/" + someone.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                post("/api/v1/residents/" + someone.id() + "/tags")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tag\": \"FIXED-826\"}"),
                delete("/api/v1/residents/" + someone.id()))) {
            mvc.perform(bearer(write, token))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("does not allow")));
        }
        mvc.perform(bearer(get("/api/v1/residents"), token)).andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/residents/audit"), token)).andExpect(status().isOk());

        mvc.perform(get("/residents").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"read-only-note\"")))
                .andExpect(content().string(not(containsString("id=\"new-resident\""))))
                .andExpect(content().string(not(containsString("id=\"import-link\""))))
                .andExpect(content().string(not(containsString("id=\"unknown-tags-link\""))))
                .andExpect(content().string(not(containsString("/edit"))))
                .andExpect(content().string(not(containsString("/deactivate"))))
                .andExpect(content().string(containsString("id=\"audit-link\"")));
        for (String page : List.of(
                "/residents/new",
                "/residents/import",
                "/residents/unknown-tags",
                "/residents/" + someone.id() + "/edit")) {
            mvc.perform(get(page).with(cliente(users)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("não permite que o síndico")));
        }
        for (MockHttpServletRequestBuilder write : List.of(
                post("/residents").param("name", "Intrusa").param("apartment", "825"),
                post("/residents/" + someone.id()).param("name", "Mudado").param("apartment", "825"),
                post("/residents/" + someone.id() + "/deactivate"),
                post("/residents/unknown-tags/assign")
                        .param("tag", "FIXED-826")
                        .param("residentId", Long.toString(someone.id())))) {
            mvc.perform(write.with(cliente(users)).with(csrf()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("não permite que o síndico")));
        }
        mvc.perform(multipart("/residents/import")
                        .file(csv("nome;apartamento\nIntrusa;825\n"))
                        .with(cliente(users))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(residents.count(condo, null, true)).isEqualTo(count);
        assertThat(residents.get(condo, someone.id()))
                .extracting(Resident::name, Resident::active, Resident::tags)
                .containsExactly("Sérgio Fixo", true, List.of("FIXED-824"));

        // the operator still changes everything, and sees the setting
        mvc.perform(get("/residents").with(admin(users)))
                .andExpect(content().string(containsString("id=\"manager-permission\"")))
                .andExpect(content().string(containsString("id=\"new-resident\"")));
        mvc.perform(post("/residents")
                        .with(admin(users))
                        .with(csrf())
                        .param("name", "Pelo Operador")
                        .param("apartment", "825"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/residents/settings").with(admin(users)).with(csrf()).param("managersMayChange", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(condominiums.residentsEditableByManager(condo)).isTrue();
        String audit = mvc.perform(
                        get("/api/v1/residents/audit").param("size", "3").with(admin(users)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(audit, "$.content[*].action"))
                .containsExactly("PERMISSION_CHANGED", "CREATED", "PERMISSION_CHANGED");
        assertThat(JsonPath.<List<String>>read(audit, "$.content[*].userEmail")).containsOnly(ADMIN_EMAIL);
    }

    @Test
    void everyChangeIsInTheAuditLogWithWhoWhenAndWhatInTheSameTransaction() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        Instant before = Instant.now().minusSeconds(1);
        String token = WebFixtures.apiToken(mvc, ADMIN_EMAIL, ADMIN_PASSWORD);
        String created = mvc.perform(bearer(post("/api/v1/residents"), token)
                        .with(WebFixtures.inPrimaryCondominium())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Tânia Auditada", "apartment": "831", "phone": "+55 11 98765-8310",
                                 "tags": ["AUD-1"]}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(bearer(put("/api/v1/residents/" + id), token)
                        .with(WebFixtures.inPrimaryCondominium())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Tânia Auditada", "apartment": "Apto 832 Torre A", "phone": "11987658320",
                                 "tags": ["AUD-1", "AUD-2"], "notificationsEnabled": false}"""))
                .andExpect(status().isOk());
        mvc.perform(bearer(put("/api/v1/residents/" + id), token)
                        .with(WebFixtures.inPrimaryCondominium()) // the same again: nothing changed, nothing logged
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Tânia Auditada", "apartment": "832 A", "phone": "11987658320",
                                 "tags": ["AUD-1", "AUD-2"], "notificationsEnabled": false}"""))
                .andExpect(status().isOk());
        String taken =
                residents.list(condo, "802 A", false, 0, 1).getFirst().tags().getFirst();
        mvc.perform(bearer(post("/api/v1/residents/" + id + "/tags"), token)
                        .with(WebFixtures.inPrimaryCondominium()) // refused: no entry either
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tag\": \"" + taken + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(multipart("/residents/import")
                        .file(csv("nome;apartamento;tags\nTânia Auditada;832 A;AUD-3\nUlisses Auditado;833;\n;;\n"))
                        .param("importValid", "true")
                        .with(admin(users))
                        .with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(bearer(delete("/api/v1/residents/" + id), token).with(WebFixtures.inPrimaryCondominium()))
                .andExpect(status().isNoContent());

        String json = mvc.perform(
                        get("/api/v1/residents/audit").param("size", "5").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(5))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> entries = JsonPath.read(json, "$.content");
        assertThat(entries)
                .extracting(e -> e.get("action"), e -> e.get("residentName"), e -> e.get("what"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "DEACTIVATED", "Tânia Auditada", "desativado; tags AUD-1, AUD-2, AUD-3 liberadas"),
                        org.assertj.core.groups.Tuple.tuple(
                                "IMPORTED",
                                null,
                                "importação de moradores.csv: 1 cadastrado(s), 1 atualizado(s), 0 sem mudança;"
                                        + " 1 linha(s) com erro não importada(s)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "CREATED",
                                "Ulisses Auditado",
                                "pela importação de moradores.csv: cadastrado na unidade 833; avisos ligados"),
                        org.assertj.core.groups.Tuple.tuple(
                                "UPDATED", "Tânia Auditada", "pela importação de moradores.csv: tag AUD-3 adicionada"),
                        org.assertj.core.groups.Tuple.tuple(
                                "UPDATED",
                                "Tânia Auditada",
                                "unidade: 831 → 832 · Torre A; telefone alterado para (••) •••••-8320;"
                                        + " tag AUD-2 adicionada; avisos desligados"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("userEmail")).isIn(ADMIN_EMAIL);
            assertThat(Instant.parse((String) e.get("at"))).isBetween(before, Instant.now());
        });
        assertThat(json).doesNotContain("98765");
        mvc.perform(get("/api/v1/residents/audit").param("residentId", "" + id).with(cliente(users)))
                .andExpect(jsonPath("$.totalElements").value(4));

        mvc.perform(get("/residents/audit").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"resident-audit\"")))
                .andExpect(content().string(containsString("Desativação")))
                .andExpect(content().string(containsString("Importação")))
                .andExpect(content().string(containsString(ADMIN_EMAIL)))
                .andExpect(content().string(containsString("telefone alterado para (••) •••••-8320")));
        mvc.perform(get("/residents/audit").param("resident", "" + id).with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Histórico de Tânia Auditada")))
                .andExpect(content().string(not(containsString("Ulisses Auditado"))));
        mvc.perform(get("/api/v1/residents/audit").param("size", "0").with(cliente(users)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void olderUnitsWereNormalisedByTheMigration() {
        assertThat(jdbc.sql("select description from flyway_schema_history where version = '76' and success")
                        .query(String.class)
                        .optional())
                .hasValue("Normalise resident units");
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "moradores.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
