package br.com.vetric.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.support.HttpFrom;
import br.com.vetric.support.WebTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS proxy (WebTest: 127.0.0.1 is the trusted proxy): X-Forwarded-Proto https from the proxy makes
 * redirects, cookies and HSTS right; the same header from anyone else is ignored. Every page carries the
 * Content-Security-Policy; no response echoes an arbitrary Host.
 */
@WebTest
class ProxyHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void behindTheTrustedTlsProxyCookiesAreSecureHttpOnlyLaxAndHstsIsSent() {
        HttpFrom proxy = HttpFrom.address("127.0.0.1", port);
        HttpResponse<String> login =
                proxy.get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.20");
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow())
                .contains("max-age=");

        HttpResponse<String> toLogin = proxy.get("/sessions", "X-Forwarded-Proto", "https");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        String location = toLogin.headers().firstValue("Location").orElseThrow();
        assertThat(location.equals("/login") || location.startsWith("https://"))
                .as(location)
                .isTrue();
        String saved = toLogin.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("REDIRECT_URI"))
                .findFirst()
                .orElseThrow();
        assertThat(saved).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void plainHttpOrAForgedProtoFromAnUntrustedPeerGetsNoHstsAndNoSecureCookie() {
        HttpResponse<String> plain = HttpFrom.address("127.0.0.1", port).get("/login");
        HttpResponse<String> forged = HttpFrom.address("127.0.0.21", port).get("/login", "X-Forwarded-Proto", "https");
        for (HttpResponse<String> r : java.util.List.of(plain, forged)) {
            assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
            String cookie = r.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID"))
                    .findFirst()
                    .orElseThrow();
            assertThat(cookie).doesNotContain("Secure").contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
        }
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScriptsOrFraming() {
        HttpResponse<String> login = HttpFrom.address("127.0.0.1", port).get("/login");
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "frame-ancestors 'none'",
                        "object-src 'none'",
                        "base-uri 'self'",
                        "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.body()).doesNotContain(" style=\"").doesNotContain(" onclick=");
        HttpFrom admin = HttpFrom.withCookies("127.0.0.25", port);
        admin.formLogin(
                br.com.vetric.support.WebFixtures.ADMIN_EMAIL, br.com.vetric.support.WebFixtures.ADMIN_PASSWORD);
        String swagger = admin.get("/swagger-ui/index.html")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
        assertThat(swagger)
                .as("Swagger UI injects <style>: inline styles allowed there, never scripts")
                .contains("style-src 'self' 'unsafe-inline'", "script-src 'self';", "frame-ancestors 'none'");
        HttpResponse<String> api = HttpFrom.address("127.0.0.1", port).get("/api/v1/sessions");
        assertThat(api.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "frame-ancestors 'none'");
    }

    @Test
    void anArbitraryHostHeaderIsNeverEchoedInRedirectsOrPages() {
        for (String path : new String[] {
            "/sessions", "/login", "/no-such-page", "/v3/api-docs", "/api/v1/sessions", "/login?lang=en"
        }) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 ").doesNotContainIgnoringCase("evil.example");
        }
        String post =
                raw("POST /login HTTP/1.1\r\nHost: evil.example:8443\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(post).doesNotContainIgnoringCase("evil.example");
    }

    private String raw(String request) {
        return HttpFrom.raw("127.0.0.22", port, request);
    }
}
