package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Templates and settings over real HTTP: validation, partial updates, write-only secrets, roles, pages.
 */
class NotificationApiAndPagesTest extends NotificationWebSupport {

    @Test
    void templatesRejectUnknownPlaceholdersNamingThemAndAcceptPartialUpdates() throws Exception {
        String admin = adminToken();

        HttpResponse<String> list = api("GET", "/api/v1/notification-templates", admin, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).size()).isEqualTo(NotificationKind.values().length);

        HttpResponse<String> bad = api(
                "PUT",
                "/api/v1/notification-templates/BATTERY_FULL",
                admin,
                "{\"body\":\"Olá {{nome}}, consumo {{consumo}}\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("{{consumo}}").contains("body");

        String before = JSON.readTree(api("GET", "/api/v1/notification-templates/BATTERY_FULL", admin, null)
                        .body())
                .path("body")
                .asString();
        HttpResponse<String> off =
                api("PUT", "/api/v1/notification-templates/battery_full", admin, "{\"enabled\": false}");
        assertThat(off.statusCode()).isEqualTo(200);
        JsonNode t = JSON.readTree(off.body());
        assertThat(t.path("enabled").asBoolean()).isFalse();
        assertThat(t.path("body").asString()).isEqualTo(before);

        HttpResponse<String> edited = api(
                "PUT",
                "/api/v1/notification-templates/BATTERY_FULL",
                admin,
                "{\"enabled\": true, \"body\": \"{{nome}}, pronto: {{energia}}\", \"delaySeconds\": 240}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).path("delaySeconds").asInt()).isEqualTo(240);
        assertThat(notifications.preview(condo(), "{{nome}}: {{energia}}")).isEqualTo("Maria Souza: 20,82 kWh");

        // put the default back for the other tests sharing this context
        api(
                "PUT",
                "/api/v1/notification-templates/BATTERY_FULL",
                admin,
                JSON.writeValueAsString(
                        java.util.Map.of("body", NotificationKind.BATTERY_FULL.defaultText(), "delaySeconds", 180)));

        assertThat(api("GET", "/api/v1/notification-templates/NO_SUCH_KIND", admin, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api("PUT", "/api/v1/notification-templates/CHARGING_INTERRUPTED", admin, "{\"delaySeconds\": 60}")
                        .statusCode())
                .isEqualTo(400);

        String cliente = token("sindico@vetric.local", "sindico-demo");
        assertThat(api("GET", "/api/v1/notification-templates", cliente, null).statusCode())
                .isEqualTo(200);
        assertThat(api("PUT", "/api/v1/notification-templates/BATTERY_FULL", cliente, "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api("GET", "/api/v1/notifications?kind=CHARGING_STARTED&size=5", cliente, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api("GET", "/api/v1/notifications?status=NOPE", cliente, null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theGatewayKeyIsWriteOnlyAndAnEmptyKeyKeepsTheOldOne() throws Exception {
        String admin = adminToken();
        HttpResponse<String> get = api("GET", "/api/v1/notification-settings", admin, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).doesNotContain("test-evolution-key").contains("\"evolutionApiKeyConfigured\":true");

        HttpResponse<String> put = api(
                "PUT",
                "/api/v1/notification-settings",
                admin,
                "{\"provider\":\"EVOLUTION\",\"evolutionApiKey\":\"\",\"managerPhones\":[\"(11) 99000-0001\"]}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).doesNotContain("test-evolution-key");
        HttpResponse<String> test =
                api("POST", "/api/v1/notification-settings/test", admin, "{\"phone\":\"(11) 99000-0002\"}");
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(test.body()).path("accepted").asBoolean()).isTrue();
        assertThat(requestsTo("5511990000002")).hasSize(1);
        assertThat(requestsTo("5511990000002").getFirst().getHeader("apikey")).isEqualTo("test-evolution-key");

        String cliente = token("sindico@vetric.local", "sindico-demo");
        assertThat(api("GET", "/api/v1/notification-settings", cliente, null).statusCode())
                .isEqualTo(403);
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

        HttpClient other = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        NotificationApiAndPagesTest self = this;
        String page = other.send(
                        HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        other.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "email=sindico%40vetric.local&password=sindico-demo&_csrf=" + m.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.send(
                                HttpRequest.newBuilder(URI.create(self.url("/notifications")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(other.send(
                                HttpRequest.newBuilder(URI.create(self.url("/admin/notifications/settings")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aBadManagerPhoneIsReportedAndTheValidOnesAreKept() throws Exception {
        String admin = adminToken();
        HttpResponse<String> put = api(
                "PUT",
                "/api/v1/notification-settings",
                admin,
                "{\"managerPhones\":[\"(11) 99000-0001\",\"1234\",\"(21) 98888-7777\"]}");
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(put.body());
        assertThat(body.path("managerPhones").valueStream().map(JsonNode::asString))
                .containsExactly("+5511990000001", "+5521988887777");
        assertThat(body.path("refusedManagerPhones").valueStream().map(JsonNode::asString))
                .containsExactly("1234");

        formLogin("admin@vetric.test", "admin-test-password");
        GatewaySettings now = notifications.settings(condo());
        HttpResponse<String> saved = postForm(
                "/admin/notifications/settings",
                "provider=EVOLUTION&evolutionUrl=" + encode(now.evolutionUrl()) + "&evolutionInstance="
                        + encode(now.evolutionInstance()) + "&managerPhones=" + encode("(11) 99000-0001\n(11) 9999\n"));
        assertThat(saved.body())
                .contains("Alterações salvas.")
                .contains("não são números válidos (DDD e número) e não foram salvos: (11) 9999")
                .contains("(11) 99000-0001");
        assertThat(notifications.settings(condo()).managerPhones()).containsExactly("+5511990000001");
    }

    @Test
    void missingGatewayFieldsAreNamedAsThePageLabelsThem() throws Exception {
        formLogin("admin@vetric.test", "admin-test-password");
        HttpResponse<String> refused = postForm("/admin/notifications/settings", "provider=META&metaPhoneNumberId=");
        assertThat(refused.body())
                .contains("Provedor: para usar a Meta, informe o ID do número de telefone e o token de acesso.")
                .doesNotContain("metaPhoneNumberId:");
        assertThat(notifications.settings(condo()).provider()).isEqualTo(WhatsAppProvider.EVOLUTION);
    }

    @Test
    void inLogOnlyModeTheTestMessageSaysNothingWasSent() throws Exception {
        String admin = adminToken();
        try {
            assertThat(api("PUT", "/api/v1/notification-settings", admin, "{\"provider\":\"LOG\"}")
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> test =
                    api("POST", "/api/v1/notification-settings/test", admin, "{\"phone\":\"(11) 99000-0077\"}");
            assertThat(JSON.readTree(test.body()).path("sentToWhatsApp").asBoolean(true))
                    .isFalse();
            assertThat(requestsTo("5511990000077")).isEmpty();

            formLogin("admin@vetric.test", "admin-test-password");
            HttpResponse<String> fragment = postForm("/admin/notifications/settings/test", "phone=%2811%29+99000-0078");
            assertThat(fragment.body()).contains("nada foi enviado ao WhatsApp");
        } finally {
            api("PUT", "/api/v1/notification-settings", admin, "{\"provider\":\"EVOLUTION\"}");
        }
        HttpResponse<String> real =
                api("POST", "/api/v1/notification-settings/test", admin, "{\"phone\":\"(11) 99000-0079\"}");
        assertThat(JSON.readTree(real.body()).path("sentToWhatsApp").asBoolean())
                .isTrue();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Posts a form of a page as the logged-in browser would (with the page's CSRF token), following the redirect. */
    private HttpResponse<String> postForm(String path, String form) throws Exception {
        String token = csrf(page("/admin/notifications/settings").body());
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "pt-BR")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 302
                ? page(URI.create(r.headers().firstValue("Location").orElseThrow())
                        .getPath())
                : r;
    }
}
