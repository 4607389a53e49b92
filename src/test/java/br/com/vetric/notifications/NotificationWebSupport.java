package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application on the real clock (JWTs are checked against it) with the Evolution gateway on the shared
 * WireMock of {@link NotificationTestSupport}, driven over real HTTP: the API with a bearer token, the pages with a
 * form login. Subclasses share the context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vetric.demo.live=false",
            "vetric.notifications.scheduler-enabled=false",
            "vetric.notifications.provider=evolution",
            "vetric.notifications.evolution-api-key=test-evolution-key",
            "vetric.notifications.evolution-instance=vetric-demo"
        })
@ActiveProfiles("test")
abstract class NotificationWebSupport {

    static final JsonMapper JSON = NotificationTestSupport.JSON;
    static final String EVOLUTION_KEY = "test-evolution-key";

    @DynamicPropertySource
    static void evolution(DynamicPropertyRegistry registry) {
        registry.add("vetric.notifications.evolution-url", NotificationTestSupport.EVOLUTION::baseUrl);
    }

    @Autowired
    Notifications notifications;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    CondominiumId condo() {
        return condominiums.primary().id();
    }

    static java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requestsTo(String digits) {
        return NotificationTestSupport.requestsTo(digits);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String token(String email, String password) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/auth/login")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("token").asString();
    }

    String adminToken() throws Exception {
        return token("admin@vetric.test", "admin-test-password");
    }

    HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's form. */
    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    void formLogin(String email, String password) throws Exception {
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf(page);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    HttpResponse<String> page(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Accept-Language", "pt-BR")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
