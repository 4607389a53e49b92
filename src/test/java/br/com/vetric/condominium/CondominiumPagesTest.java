package br.com.vetric.condominium;

import static br.com.vetric.support.WebFixtures.admin;
import static br.com.vetric.support.WebFixtures.cliente;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.identity.Users;
import br.com.vetric.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The operator's condominium pages: list, create, edit, deactivate; refusals said in pt-BR with nothing saved. */
@WebTest
class CondominiumPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    MockHttpServletRequestBuilder form(String path, String name, String cnpj, String zone) {
        return post(path)
                .with(admin(users))
                .with(csrf())
                .param("name", name)
                .param("cnpj", cnpj)
                .param("address", "Rua das Flores, 10")
                .param("phone", "(11) 3456-7890")
                .param("email", "")
                .param("timeZone", zone)
                .param("plan", "premium")
                .param("active", "true");
    }

    boolean exists(String name) {
        return condominiums.all().stream().anyMatch(c -> c.name().equals(name));
    }

    @Test
    void anAdminCreatesEditsAndDeactivatesACondominiumThroughThePages() throws Exception {
        String name = "Residencial Página " + System.nanoTime();
        String cnpj = CondominiumApiTest.newCnpj();
        mvc.perform(get("/admin/condominiums").with(admin(users)))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString(condominiums.primary().name())));
        mvc.perform(get("/admin/condominiums/new").with(admin(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("America/Manaus")));

        mvc.perform(form("/admin/condominiums", name, Cnpj.format(cnpj), "America/Manaus"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/condominiums"));
        Condominium created = condominiums.all().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(created.cnpj()).isEqualTo(cnpj);
        assertThat(created.zone().getId()).isEqualTo("America/Manaus");
        assertThat(created.plan()).isEqualTo(Plan.PREMIUM);
        assertThat(created.phone()).isEqualTo("+551134567890");
        mvc.perform(get("/admin/condominiums").with(admin(users)))
                .andExpect(content().string(containsString(Cnpj.format(cnpj))));

        String id = Long.toString(created.id().value());
        mvc.perform(get("/admin/condominiums/" + id + "/edit").with(admin(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(Cnpj.format(cnpj))))
                .andExpect(content().string(containsString("(11) 3456-7890")));
        mvc.perform(form("/admin/condominiums/" + id, name + " II", Cnpj.format(cnpj), "Mars/Olympus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fuso horário desconhecido")))
                .andExpect(content().string(containsString("Nada foi salvo")));
        assertThat(exists(name + " II")).isFalse();

        mvc.perform(post("/admin/condominiums/" + id + "/active")
                        .with(admin(users))
                        .with(csrf())
                        .param("active", "false"))
                .andExpect(redirectedUrl("/admin/condominiums"));
        assertThat(condominiums.get(created.id()).active()).isFalse();
        assertThat(condominiums.get(created.id()).name()).isEqualTo(name);
    }

    @Test
    void anInvalidOrTakenCnpjIsSaidNextToItsFieldAndNothingIsSaved() throws Exception {
        String name = "Residencial Recusado " + System.nanoTime();
        mvc.perform(form("/admin/condominiums", name, "11.222.333/0001-82", "America/Sao_Paulo"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CNPJ inválido")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString(name)));
        assertThat(exists(name)).isFalse();

        String cnpj = CondominiumApiTest.newCnpj();
        Condominium holder = condominiums.create(
                new CondominiumCommand("Dono do CNPJ " + System.nanoTime(), cnpj, null, null, null, null, null, false));
        mvc.perform(form("/admin/condominiums", name, cnpj, "America/Sao_Paulo"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Já existe um condomínio com esse CNPJ.")));
        assertThat(exists(name)).isFalse();
        assertThat(holder.active()).isFalse();
    }

    @Test
    void aClienteCannotReachTheCondominiumPagesNorSeeTheirLink() throws Exception {
        mvc.perform(get("/admin/condominiums").with(cliente(users))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/condominiums/new").with(cliente(users))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/condominiums")
                        .with(cliente(users))
                        .with(csrf())
                        .param("name", "Meu"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").with(cliente(users)))
                .andExpect(content().string(not(containsString("/admin/condominiums"))));
    }
}
