package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Templates and settings over real HTTP: validation, partial updates, write-only secrets, roles, pages. Runs on
 * the real clock (JWTs are checked against it), so it has its own application context.
 */
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vetric.demo.live=false",
        "vetric.notifications.scheduler-enabled=false",
        "vetric.notifications.provider=evolution",
        "vetric.notifications.evolution-api-key=test-evolution-key",
        "vetric.notifications.evolution-instance=vetric-demo"})
@org.springframework.test.context.ActiveProfiles("test")
class NotificationApiAndPagesTest {

    static final tools.jackson.databind.json.JsonMapper JSON = NotificationTestSupport.JSON;

    @org.springframework.test.context.DynamicPropertySource
    static void evolution(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("vetric.notifications.evolution-url", NotificationTestSupport.EVOLUTION::baseUrl);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Notifications notifications;
    @org.springframework.beans.factory.annotation.Autowired
    br.com.vetric.condominium.Condominiums condominiums;

    private br.com.vetric.shared.CondominiumId condo() {
        return condominiums.primary().id();
    }

    private static java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requestsTo(String digits) {
        return NotificationTestSupport.requestsTo(digits);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String token(String email, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("token").asString();
    }

    private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void templatesRejectUnknownPlaceholdersNamingThemAndAcceptPartialUpdates() throws Exception {
        String admin = token("admin@vetric.test", "admin-test-password");

        HttpResponse<String> list = api("GET", "/api/v1/notification-templates", admin, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).size()).isEqualTo(NotificationKind.values().length);

        HttpResponse<String> bad = api("PUT", "/api/v1/notification-templates/BATTERY_FULL", admin,
                "{\"body\":\"Olá {{nome}}, consumo {{consumo}}\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("{{consumo}}").contains("body");

        String before = JSON.readTree(api("GET", "/api/v1/notification-templates/BATTERY_FULL", admin, null).body())
                .path("body").asString();
        HttpResponse<String> off = api("PUT", "/api/v1/notification-templates/battery_full", admin, "{\"enabled\": false}");
        assertThat(off.statusCode()).isEqualTo(200);
        JsonNode t = JSON.readTree(off.body());
        assertThat(t.path("enabled").asBoolean()).isFalse();
        assertThat(t.path("body").asString()).isEqualTo(before);

        HttpResponse<String> edited = api("PUT", "/api/v1/notification-templates/BATTERY_FULL", admin,
                "{\"enabled\": true, \"body\": \"{{nome}}, pronto: {{energia}}\", \"delaySeconds\": 240}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).path("delaySeconds").asInt()).isEqualTo(240);
        assertThat(notifications.preview(condo(), "{{nome}}: {{energia}}")).isEqualTo("Maria Souza: 20,82 kWh");

        // put the default back for the other tests sharing this context
        api("PUT", "/api/v1/notification-templates/BATTERY_FULL", admin, JSON.writeValueAsString(
                java.util.Map.of("body", NotificationKind.BATTERY_FULL.defaultText(), "delaySeconds", 180)));

        assertThat(api("GET", "/api/v1/notification-templates/NO_SUCH_KIND", admin, null).statusCode()).isEqualTo(404);
        assertThat(api("PUT", "/api/v1/notification-templates/CHARGING_INTERRUPTED", admin, "{\"delaySeconds\": 60}")
                .statusCode()).isEqualTo(400);

        String cliente = token("sindico@vetric.local", "sindico-demo");
        assertThat(api("GET", "/api/v1/notification-templates", cliente, null).statusCode()).isEqualTo(200);
        assertThat(api("PUT", "/api/v1/notification-templates/BATTERY_FULL", cliente, "{\"enabled\": false}")
                .statusCode()).isEqualTo(403);
        assertThat(api("GET", "/api/v1/notifications?kind=CHARGING_STARTED&size=5", cliente, null).statusCode())
                .isEqualTo(200);
        assertThat(api("GET", "/api/v1/notifications?status=NOPE", cliente, null).statusCode()).isEqualTo(400);
    }

    @Test
    void theGatewayKeyIsWriteOnlyAndAnEmptyKeyKeepsTheOldOne() throws Exception {
        String admin = token("admin@vetric.test", "admin-test-password");
        HttpResponse<String> get = api("GET", "/api/v1/notification-settings", admin, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).doesNotContain("test-evolution-key").contains("\"evolutionApiKeyConfigured\":true");

        HttpResponse<String> put = api("PUT", "/api/v1/notification-settings", admin,
                "{\"provider\":\"EVOLUTION\",\"evolutionApiKey\":\"\",\"managerPhones\":[\"(11) 99000-0001\"]}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).doesNotContain("test-evolution-key");
        HttpResponse<String> test = api("POST", "/api/v1/notification-settings/test", admin, "{\"phone\":\"(11) 99000-0002\"}");
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(test.body()).path("accepted").asBoolean()).isTrue();
        assertThat(requestsTo("5511990000002")).hasSize(1);
        assertThat(requestsTo("5511990000002").getFirst().getHeader("apikey")).isEqualTo("test-evolution-key");

        String cliente = token("sindico@vetric.local", "sindico-demo");
        assertThat(api("GET", "/api/v1/notification-settings", cliente, null).statusCode()).isEqualTo(403);
    }

    private void formLogin(String email, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", "pt-BR").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminPagesRenderWithoutSecretsAndTheManagerSeesTheLogOnly() throws Exception {
        formLogin("admin@vetric.test", "admin-test-password");
        HttpResponse<String> settings = page("/admin/notifications/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("configurada").doesNotContain("test-evolution-key");
        HttpResponse<String> templates = page("/admin/notifications/templates");
        assertThat(templates.statusCode()).isEqualTo(200);
        assertThat(templates.body()).contains("Bateria carregada").contains("{{nome}}");
        HttpResponse<String> log = page("/notifications?status=SENT");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("Notificações");

        HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        NotificationApiAndPagesTest self = this;
        String page = other.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        other.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=sindico%40vetric.local&password=sindico-demo&_csrf="
                        + m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.send(HttpRequest.newBuilder(URI.create(self.url("/notifications"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(other.send(HttpRequest.newBuilder(URI.create(self.url("/admin/notifications/settings"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }
}
