package br.com.vetric.identity;

import static br.com.vetric.support.WebFixtures.admin;
import static br.com.vetric.support.WebFixtures.as;
import static br.com.vetric.support.WebFixtures.cliente;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class IdentityPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Test
    void userChangesOwnPasswordForReal() throws Exception {
        String email = "changer-" + System.nanoTime() + "@vetric.test";
        users.create(email, "Changer", Role.CLIENTE, condominiums.primary().id().value(), "old-password-1");
        mvc.perform(post("/account/password")
                        .with(as(users, email, "old-password-1"))
                        .with(csrf())
                        .param("currentPassword", "wrong-one")
                        .param("newPassword", "new-password-1")
                        .param("confirmPassword", "new-password-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A senha atual está incorreta.")));
        mvc.perform(post("/account/password")
                        .with(as(users, email, "old-password-1"))
                        .with(csrf())
                        .param("currentPassword", "old-password-1")
                        .param("newPassword", "new-password-1")
                        .param("confirmPassword", "new-password-1"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.authenticate(email, "new-password-1").email()).isEqualTo(email);
        assertThatThrownBy(() -> users.authenticate(email, "old-password-1"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void loginFormNeedsCsrf() throws Exception {
        mvc.perform(post("/login").param("email", "admin@vetric.test").param("password", "admin-test-password"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", "admin@vetric.test")
                        .param("password", "admin-test-password"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void adminCreatesDeactivatesAndResetsUsers() throws Exception {
        String email = "novo-" + System.nanoTime() + "@vetric.test";
        mvc.perform(post("/admin/users")
                        .with(admin(users))
                        .with(csrf())
                        .param("email", email)
                        .param("name", "Novo")
                        .param("role", "CLIENTE")
                        .param(
                                "condominiumIds",
                                Long.toString(condominiums.primary().id().value()))
                        .param("password", "first-password"))
                .andExpect(status().is3xxRedirection());
        UserAccount created = users.list().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(created.role()).isEqualTo(Role.CLIENTE);

        mvc.perform(post("/admin/users/" + created.id() + "/password")
                        .with(admin(users))
                        .with(csrf())
                        .param("password", "reset-password"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.authenticate(email, "reset-password").id()).isEqualTo(created.id());

        mvc.perform(post("/admin/users/" + created.id() + "/active")
                        .with(admin(users))
                        .with(csrf())
                        .param("active", "false"))
                .andExpect(status().is3xxRedirection());
        assertThatThrownBy(() -> users.authenticate(email, "reset-password"))
                .isInstanceOf(BadCredentialsException.class);

        mvc.perform(post("/admin/users")
                        .with(admin(users))
                        .with(csrf())
                        .param("email", email)
                        .param("name", "Dup")
                        .param("role", "ADMIN")
                        .param("password", "first-password"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Já existe um usuário com esse e-mail.")));
    }

    @Test
    void clienteCannotManageUsers() throws Exception {
        mvc.perform(get("/admin/users").with(cliente(users))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/1/active")
                        .with(cliente(users))
                        .with(csrf())
                        .param("active", "false"))
                .andExpect(status().isForbidden());
    }

    @Test
    void deactivatedClienteIsLoggedOutOfAnAlreadyOpenSessionOnItsNextRequest() throws Exception {
        String email = "aberta-" + System.nanoTime() + "@vetric.test";
        long id = users.create(
                        email,
                        "Sessão Aberta",
                        Role.CLIENTE,
                        condominiums.primary().id().value(),
                        "open-password-1")
                .id();
        MockHttpSession cliente = login(email, "open-password-1");
        MockHttpSession admin = login("admin@vetric.test", "admin-test-password");
        mvc.perform(get("/sessions").session(cliente)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/" + id + "/active")
                        .session(admin)
                        .with(csrf())
                        .param("active", "false"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/sessions").session(cliente))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        assertThat(cliente.isInvalid()).isTrue();
        mvc.perform(get("/board/live").session(admin).header("HX-Request", "true"))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk());
    }

    @Test
    void deactivatedUserHtmxRequestRedirectsTheWholePageToLogin() throws Exception {
        String email = "htmx-" + System.nanoTime() + "@vetric.test";
        long id = users.create(
                        email, "Htmx", Role.CLIENTE, condominiums.primary().id().value(), "htmx-password-1")
                .id();
        MockHttpSession cliente = login(email, "htmx-password-1");
        users.setActive(id, false);
        mvc.perform(get("/board/live").session(cliente).header("HX-Request", "true"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/login"));
        assertThat(cliente.isInvalid()).isTrue();
    }

    private MockHttpSession login(String email, String password) throws Exception {
        return br.com.vetric.support.WebFixtures.formLogin(mvc, email, password);
    }
}
