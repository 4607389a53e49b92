package br.com.vetric.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A password change, an administrator's reset and a deactivation end every earlier web session and API token of
 * the user at once, and a reactivation revives none of them. The user's own browser stays logged in after their
 * own password change (a new session id, the new credentials).
 */
@WebTest
class CredentialChangesEndSessionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    String email;

    long newUser(String password) {
        email = "creds-" + System.nanoTime() + "@vetric.test";
        return users.create(
                        email,
                        "Credenciais",
                        Role.CLIENTE,
                        condominiums.primary().id().value(),
                        password)
                .id();
    }

    @Test
    void ownPasswordChangeOnThePageEndsEveryOtherSessionAndTokenButKeepsThisBrowser() throws Exception {
        newUser("old-password-1");
        MockHttpSession here = login(email, "old-password-1");
        MockHttpSession elsewhere = login(email, "old-password-1");
        String token = token(email, "old-password-1");
        String sessionIdBefore = here.getId();

        MvcResult changed = mvc.perform(post("/account/password")
                        .session(here)
                        .with(csrf())
                        .param("currentPassword", "old-password-1")
                        .param("newPassword", "new-password-1")
                        .param("confirmPassword", "new-password-1"))
                .andExpect(redirectedUrl("/account"))
                .andReturn();
        MockHttpSession after = (MockHttpSession) changed.getRequest().getSession(false);

        assertThat(after.getId()).as("a new session id after the change").isNotEqualTo(sessionIdBefore);
        mvc.perform(get("/account").session(after)).andExpect(status().isOk());
        mvc.perform(get("/sessions").session(elsewhere)).andExpect(redirectedUrl("/login"));
        assertThat(elsewhere.isInvalid()).isTrue();
        mvc.perform(get("/api/v1/sessions").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        String fresh = token(email, "new-password-1");
        mvc.perform(get("/api/v1/sessions").header("Authorization", "Bearer " + fresh))
                .andExpect(status().isOk());
    }

    @Test
    void anAdministratorsResetEndsEverySessionAndToken() throws Exception {
        long id = newUser("before-reset-1");
        MockHttpSession session = login(email, "before-reset-1");
        String token = token(email, "before-reset-1");
        MockHttpSession admin = login("admin@vetric.test", "admin-test-password");

        mvc.perform(post("/admin/users/" + id + "/password")
                        .session(admin)
                        .with(csrf())
                        .param("password", "after-reset-1"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/sessions").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/chargers").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk());
    }

    @Test
    void aReactivatedUserLogsInAfreshButNoEarlierSessionOrTokenComesBack() throws Exception {
        long id = newUser("reactivate-1");
        MockHttpSession session = login(email, "reactivate-1");
        String token = token(email, "reactivate-1");
        users.setActive(id, false);
        mvc.perform(get("/api/v1/chargers").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());

        users.setActive(id, true);

        mvc.perform(get("/api/v1/chargers").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/sessions").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/sessions").session(login(email, "reactivate-1"))).andExpect(status().isOk());
    }

    @Test
    void anApiClientChangesItsPasswordAndEveryTokenIncludingItsOwnEnds() throws Exception {
        newUser("api-old-pass-1");
        String token = token(email, "api-old-pass-1");
        String other = token(email, "api-old-pass-1");
        MockHttpSession session = login(email, "api-old-pass-1");

        mvc.perform(post("/api/v1/account/password")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong-current\",\"newPassword\":\"api-new-pass-1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("currentPassword")))
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(post("/api/v1/account/password")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"api-old-pass-1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("newPassword")));
        mvc.perform(post("/api/v1/account/password")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"api-old-pass-1\",\"newPassword\":\"api-new-pass-1\"}"))
                .andExpect(status().isNoContent());

        for (String dead : new String[] {token, other}) {
            mvc.perform(get("/api/v1/sessions").header("Authorization", "Bearer " + dead))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/sessions").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/sessions").header("Authorization", "Bearer " + token(email, "api-new-pass-1")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/account/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"api-new-pass-1\",\"newPassword\":\"api-new-pass-2\"}"))
                .andExpect(status().isUnauthorized());
    }

    private MockHttpSession login(String email, String password) throws Exception {
        return WebFixtures.formLogin(mvc, email, password);
    }

    private String token(String email, String password) throws Exception {
        return WebFixtures.apiToken(mvc, email, password);
    }
}
