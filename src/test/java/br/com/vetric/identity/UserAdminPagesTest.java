package br.com.vetric.identity;

import static br.com.vetric.support.WebFixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.WebTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The users pages: a CLIENTE of several condominiums, an invitation instead of a password, editing a user. */
@WebTest
class UserAdminPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    UserAccount find(String email) {
        return users.list().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAdminInvitesAClienteOfTwoCondominiumsAndThenMovesItToOne() throws Exception {
        Condominium primary = condominiums.primary();
        Condominium other = condominiums.create(new br.com.vetric.condominium.CondominiumCommand(
                "Outro Prédio " + System.nanoTime(), null, null, null, null, null, null, false));
        String email = "convidado-" + System.nanoTime() + "@vetric.test";

        MvcResult created = mvc.perform(post("/admin/users")
                        .with(admin(users))
                        .with(csrf())
                        .param("email", email)
                        .param("name", "Convidado")
                        .param("role", "CLIENTE")
                        .param(
                                "condominiumIds",
                                Long.toString(primary.id().value()),
                                Long.toString(other.id().value()))
                        .param("password", ""))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("message", "users.created"))
                .andReturn();
        String url = (String) created.getFlashMap().get("invitationUrl");
        assertThat(url).matches("http://localhost(:\\d+)?/invitation/[A-Za-z0-9_-]{43}");
        UserAccount user = find(email);
        assertThat(user.passwordSet()).isFalse();
        assertThat(user.condominiumIds())
                .containsExactly(primary.id().value(), other.id().value());
        mvc.perform(get("/admin/users").with(admin(users)))
                .andExpect(content().string(containsString("convite pendente")))
                .andExpect(content().string(containsString(other.name())));

        mvc.perform(get("/admin/users/" + user.id() + "/edit").with(admin(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));
        mvc.perform(post("/admin/users/" + user.id())
                        .with(admin(users))
                        .with(csrf())
                        .param("email", email)
                        .param("name", "Convidado Renomeado")
                        .param("role", "CLIENTE")
                        .param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Escolha ao menos um condomínio")));
        assertThat(find(email).name()).isEqualTo("Convidado");

        mvc.perform(post("/admin/users/" + user.id())
                        .with(admin(users))
                        .with(csrf())
                        .param("email", email)
                        .param("name", "Convidado Renomeado")
                        .param("role", "CLIENTE")
                        .param("condominiumIds", Long.toString(other.id().value()))
                        .param("active", "true"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(find(email).condominiumIds()).isEqualTo(List.of(other.id().value()));
        assertThat(find(email).name()).isEqualTo("Convidado Renomeado");

        MvcResult again = mvc.perform(post("/admin/users/" + user.id() + "/invitation")
                        .with(admin(users))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"))
                .andReturn();
        String second = (String) again.getFlashMap().get("invitationUrl");
        assertThat(second).isNotEqualTo(url);
        String oldToken = url.substring(url.lastIndexOf('/') + 1);
        assertThat(users.invitee(oldToken))
                .as("a new link replaces the old one")
                .isEmpty();
        assertThat(users.invitee(second.substring(second.lastIndexOf('/') + 1)))
                .map(UserAccount::email)
                .hasValue(email);
    }
}
