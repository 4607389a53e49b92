package br.com.vetric.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.support.HttpFrom;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * Anonymous requests, other than the login page, leave no HTTP session behind (real HTTP; web sessions live in
 * PostgreSQL, so they are counted there).
 */
@WebTest
class AnonymousSessionsTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    CsrfTokenRepository csrfTokens;

    /**
     * MockMvc's {@code csrf()} (other test classes share this server) swaps the server's CSRF token repository for a
     * plain session one; put VETRIC's back.
     */
    @BeforeEach
    void vetricsCsrfTokenRepository() {
        WebTestUtils.setCsrfTokenRepository(
                new MockHttpServletRequest(context.getServletContext(), "GET", "/login"), csrfTokens);
    }

    @Autowired
    JdbcClient jdbc;

    final long since = System.currentTimeMillis();

    /** Web sessions stored since this test began. */
    long sessionsCreated() {
        return jdbc.sql("select count(*) from spring_session where creation_time >= :since")
                .param("since", since)
                .query(Long.class)
                .single();
    }

    @Test
    void anonymousHitsOnPagesAndApisCreateNoSession() {
        HttpFrom anonymous = HttpFrom.address("127.0.0.20", port);
        List<String> paths = List.of(
                "/",
                "/sessions?page=2",
                "/board/stream",
                "/residents",
                "/admin/users",
                "/no-such-page",
                "/css/no-such.css",
                "/api/v1/sessions",
                "/api/v1/no-such",
                "/v3/api-docs",
                "/swagger-ui.html",
                "/health",
                "/logout");
        long createdBefore = sessionsCreated();
        for (int i = 0; i < 20; i++) {
            for (String path : paths) {
                HttpResponse<String> r = anonymous.get(path);
                assertThat(r.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("JSESSIONID"));
            }
            HttpResponse<String> post = anonymous.postForm("/residents", java.util.Map.of("name", "x"));
            assertThat(post.headers().allValues("Set-Cookie"))
                    .as("anonymous POST")
                    .noneMatch(c -> c.startsWith("JSESSIONID"));
        }
        assertThat(sessionsCreated())
                .as("sessions created by %d anonymous requests", 20 * (paths.size() + 1))
                .isEqualTo(createdBefore);

        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(sessionsCreated())
                .as("the login page keeps its CSRF token in a session")
                .isEqualTo(createdBefore + 1);
    }

    @Test
    void afterLoggingInTheBrowserReturnsToThePageItAskedForByARelativeRedirect() {
        HttpFrom browser = HttpFrom.withCookies("127.0.0.24", port);
        HttpResponse<String> asked = browser.get("/sessions?page=2");
        assertThat(asked.headers().firstValue("Location")).contains("/login");
        HttpResponse<String> loggedIn = browser.formLogin(WebFixtures.ADMIN_EMAIL, WebFixtures.ADMIN_PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).contains("/sessions?page=2");
        assertThat(browser.get("/sessions?page=2").statusCode()).isEqualTo(200);
    }
}
