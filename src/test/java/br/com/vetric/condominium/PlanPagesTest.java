package br.com.vetric.condominium;

import static br.com.vetric.support.WebFixtures.ADMIN_EMAIL;
import static br.com.vetric.support.WebFixtures.ADMIN_PASSWORD;
import static br.com.vetric.support.WebFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Users;
import br.com.vetric.support.WebTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The plans on the pages, in pt-BR: a CSV import that would pass the residents' limit imports nothing and says the
 * limit, the plan and the use; the condominium's page shows its plan and use (above the plan after a downgrade); the
 * reports page of a plan without statements says so and offers no generation.
 */
@WebTest
class PlanPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    Condominium condominium(String plan) {
        return condominiums.create(new CondominiumCommand(
                "Plano na página " + System.nanoTime(), null, null, null, null, null, plan, true));
    }

    void residents(Condominium c, int n) {
        PlanFixtures.residents(jdbc, c.id().value(), n);
    }

    long active(Condominium c) {
        return PlanFixtures.activeResidents(jdbc, c.id().value());
    }

    RequestPostProcessor adminIn(Condominium c) {
        RequestPostProcessor admin = as(users, ADMIN_EMAIL, ADMIN_PASSWORD);
        return request -> {
            admin.postProcessRequest(request);
            request.addHeader(CurrentCondominium.HEADER, Long.toString(c.id().value()));
            return request;
        };
    }

    static MockMultipartFile csv(String... names) {
        StringBuilder s = new StringBuilder("nome;apartamento;torre;telefone;tags;notificacoes\n");
        for (int i = 0; i < names.length; i++) {
            s.append(names[i]).append(";70").append(i).append(";B;;;sim\n");
        }
        return new MockMultipartFile(
                "file", "moradores.csv", "text/csv", s.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCsvImportPastTheResidentsLimitImportsNothingAndSaysWhy() throws Exception {
        Condominium c = condominium("basic");
        residents(c, 48);
        mvc.perform(multipart("/residents/import")
                        .file(csv("Ana Nova", "Bia Nova", "Caio Novo"))
                        .with(adminIn(c))
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(containsString("O plano Básico permite até 50 moradores ativos; este condomínio tem 48"
                                + " e esta operação adicionaria 3. Nada foi salvo.")));
        assertThat(active(c)).isEqualTo(48);

        mvc.perform(multipart("/residents/import")
                        .file(csv("Ana Nova", "Bia Nova"))
                        .with(adminIn(c))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 morador(es) importado(s)")));
        assertThat(active(c)).isEqualTo(50);

        mvc.perform(post("/residents")
                        .with(adminIn(c))
                        .with(csrf())
                        .param("name", "Quinquagésimo Primeiro")
                        .param("apartment", "901"))
                .andExpect(status().isForbidden())
                .andExpect(content()
                        .string(containsString(
                                "O plano Básico permite até 50 moradores ativos; este condomínio já tem 50.")));
        assertThat(active(c)).isEqualTo(50);
    }

    @Test
    void theCondominiumPageShowsItsPlanAndUseAndUseAboveThePlanAfterADowngrade() throws Exception {
        Condominium c = condominium("premium");
        residents(c, 60);
        mvc.perform(get("/admin/condominiums/" + c.id().value() + "/edit").with(adminIn(c)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("60 de 200")))
                .andExpect(content().string(containsString("0 de 20")))
                .andExpect(content().string(not(containsString("acima do plano"))));

        condominiums.update(c.id(), c.command().withPlan("basic"));
        mvc.perform(get("/admin/condominiums/" + c.id().value() + "/edit").with(adminIn(c)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("60 de 50")))
                .andExpect(content().string(containsString("acima do plano")))
                .andExpect(content().string(containsString("avisos por WhatsApp")));
        mvc.perform(get("/admin/condominiums").with(adminIn(c)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("moradores ativos: 60 de 50")));
        assertThat(active(c)).isEqualTo(60);
    }

    @Test
    void theReportsPageOfAPlanWithoutStatementsSaysSoAndGeneratesNone() throws Exception {
        Condominium c = condominium("basic");
        mvc.perform(get("/reports").with(adminIn(c)))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("O plano Básico deste condomínio não inclui extratos mensais")))
                .andExpect(content().string(not(containsString("id=\"statement-form\""))));
        mvc.perform(post("/reports/statements").with(adminIn(c)).with(csrf()).param("month", "2026-01"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("O plano Básico não inclui extratos mensais.")));

        Condominium premium = condominium("premium");
        mvc.perform(get("/reports").with(adminIn(premium)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("não inclui extratos mensais"))))
                .andExpect(content().string(containsString("id=\"statement-form\"")));
    }
}
