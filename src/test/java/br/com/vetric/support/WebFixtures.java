package br.com.vetric.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.demo.DemoProperties;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.sync.SyncCycle;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** Logged-in principals for MockMvc and a way to make the simulator's world visible. */
public final class WebFixtures {

    public static final String ADMIN_EMAIL = "admin@vetric.test";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String CLIENTE_EMAIL = DemoProperties.MANAGER_EMAIL;
    public static final String CLIENTE_PASSWORD = DemoProperties.MANAGER_PASSWORD;

    private WebFixtures() {}

    public static RequestPostProcessor as(Users users, String email, String password) {
        AuthenticatedUser u = users.authenticate(email, password);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
    }

    /**
     * The ADMIN, acting on the primary condominium: other tests add condominiums to the shared context, and while
     * several are active an ADMIN names the one it acts on ({@code Vetric-Condominium}).
     */
    public static RequestPostProcessor admin(Users users) {
        RequestPostProcessor admin = as(users, ADMIN_EMAIL, ADMIN_PASSWORD);
        return request -> inPrimaryCondominium().postProcessRequest(admin.postProcessRequest(request));
    }

    /** Names the primary condominium in {@code Vetric-Condominium} (an ADMIN's calls, a bearer token's included). */
    public static RequestPostProcessor inPrimaryCondominium() {
        return request -> {
            Condominiums condominiums = WebApplicationContextUtils.getRequiredWebApplicationContext(
                            request.getServletContext())
                    .getBean(Condominiums.class);
            request.addHeader(
                    CurrentCondominium.HEADER,
                    Long.toString(condominiums.primary().id().value()));
            return request;
        };
    }

    public static RequestPostProcessor cliente(Users users) {
        return as(users, CLIENTE_EMAIL, CLIENTE_PASSWORD);
    }

    /** Logs in through the login form (MockMvc) and returns the logged-in session. */
    public static MockHttpSession formLogin(MockMvc mvc, String email, String password) throws Exception {
        MvcResult result = mvc.perform(
                        post("/login").with(csrf()).param("email", email).param("password", password))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** A bearer token from {@code POST /api/v1/auth/login} (MockMvc). */
    public static String apiToken(MockMvc mvc, String email, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    /**
     * One poll of the simulator. The web tests' quiet world is frozen until told to move, while VETRIC reads the real
     * clock: the world first catches up with it, so its chargers' heartbeats are fresh (a shared test context can be
     * minutes old, and a charger whose heartbeat is over 5 minutes old shows as offline, whatever else it does).
     */
    public static CondominiumId sync(CveProSimulator sim, Condominiums condominiums, SyncCycle cycle) {
        java.time.Duration behind = java.time.Duration.between(sim.now(), java.time.Instant.now());
        if (behind.isPositive()) {
            sim.advance(behind);
        }
        CondominiumId condo = condominiums.primary().id();
        cycle.run(condo);
        return condo;
    }

    /** Starts a charging session on a charger with a tag and lets VETRIC observe it. */
    public static void charge(
            CveProSimulator sim, Condominiums condominiums, SyncCycle cycle, String charger, String tag) {
        sim.plugIn(charger, tag);
        sim.startCharging(charger);
        sync(sim, condominiums, cycle);
    }
}
