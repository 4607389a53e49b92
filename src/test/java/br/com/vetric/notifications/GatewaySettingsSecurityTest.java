package br.com.vetric.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.support.DatabaseDump;
import br.com.vetric.support.TestDns;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The gateway settings' security rules over real HTTP: a stored key never goes to a new host, keys are encrypted in
 * the database and appear in no answer, page or log, gateway URLs cannot point at link-local or cloud-metadata
 * addresses (when saved, and again when connecting), and the delivery log keeps a gateway's status and a classified
 * reason, never its response body. Besides the Evolution WireMock of the context, two more gateways: HOST_A, HOST_B.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewaySettingsSecurityTest extends NotificationWebSupport {

    static final WireMockServer HOST_A = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer HOST_B = new WireMockServer(wireMockConfig().dynamicPort());
    static final String EVOLUTION_OK = "{\"key\":{\"id\":\"BAE5F00D\"},\"status\":\"PENDING\"}";
    static final String META_OK = "{\"messages\":[{\"id\":\"wamid.X\"}]}";
    /** What a gateway might echo back: a key-looking string and a full phone number. */
    static final String LEAKY_BODY = "{\"error\":\"bad request\",\"echo\":{\"apikey\":\"sk_live_LEAKED_7f3a9c\","
            + "\"number\":\"+5511999998888\"}}";

    static {
        for (WireMockServer s : List.of(HOST_A, HOST_B)) {
            s.start();
            s.stubFor(post(urlPathMatching("/message/sendText/.*"))
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", "application/json")
                            .withBody(EVOLUTION_OK)));
            s.stubFor(post(urlPathMatching("/v20.0/.*/messages"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(META_OK)));
        }
    }

    @AfterAll
    static void stopHosts() {
        HOST_A.stop();
        HOST_B.stop();
    }

    /** Back to the context's Evolution gateway with its key, and no Meta settings. */
    @AfterEach
    void restoreSettings() {
        jdbc.sql("""
                        update notification_settings set provider = 'LOG', evolution_url = :url,
                               evolution_instance = 'vetric-demo', evolution_api_key = null, meta_base_url = :meta,
                               meta_phone_number_id = null, meta_access_token = null
                         where condominium_id = :c""")
                .param("url", NotificationTestSupport.EVOLUTION.baseUrl())
                .param("meta", NotificationProperties.DEFAULT_META_BASE_URL)
                .param("c", condo().value())
                .update();
        notifications.updateSettings(
                condo(),
                new GatewaySettingsCommand(
                        WhatsAppProvider.EVOLUTION, null, null, EVOLUTION_KEY, null, null, null, null, null));
    }

    private static List<LoggedRequest> received(WireMockServer host, String digits) {
        return host.findAll(postRequestedFor(urlPathMatching("/.*"))
                .withRequestBody(
                        matchingJsonPath("$.number", equalTo(digits)).or(matchingJsonPath("$.to", equalTo(digits)))));
    }

    private HttpResponse<String> putSettings(String token, Map<String, Object> fields) throws Exception {
        return api("PUT", "/api/v1/notification-settings", token, JSON.writeValueAsString(fields));
    }

    private JsonNode sendTest(String token, String phone) throws Exception {
        HttpResponse<String> r =
                api("POST", "/api/v1/notification-settings/test", token, "{\"phone\":\"" + phone + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void assertRefused(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).path("errors").path(0).path("field").asString())
                .isEqualTo(field);
    }

    // ------------------------------------------------------------------ a stored key never goes to a new host

    @Test
    void changingTheEvolutionUrlWithoutTheKeyIsRefusedAndTheStoredKeyNeverReachesTheNewHost() throws Exception {
        String admin = adminToken();
        String newUrl = HOST_A.baseUrl();

        HttpResponse<String> refused = putSettings(admin, Map.of("evolutionUrl", newUrl));
        assertRefused(refused, "evolutionApiKey");
        assertThat(refused.body()).doesNotContain(EVOLUTION_KEY);
        assertThat(notifications.settings(condo()).evolutionUrl())
                .isEqualTo(NotificationTestSupport.EVOLUTION.baseUrl());
        assertThat(sendTest(admin, "(11) 97100-0001").path("accepted").asBoolean())
                .isTrue();
        assertThat(received(HOST_A, "5511971000001"))
                .as("nothing reaches the new host")
                .isEmpty();
        assertThat(requestsTo("5511971000001"))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("apikey")).isEqualTo(EVOLUTION_KEY));
        // a blank key is no key either, and a trailing slash is the same URL
        assertRefused(putSettings(admin, Map.of("evolutionUrl", newUrl, "evolutionApiKey", "  ")), "evolutionApiKey");
        assertThat(putSettings(admin, Map.of("evolutionUrl", NotificationTestSupport.EVOLUTION.baseUrl() + "/"))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> saved =
                putSettings(admin, Map.of("evolutionUrl", newUrl, "evolutionApiKey", "key-for-host-a"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(sendTest(admin, "(11) 97100-0002").path("accepted").asBoolean())
                .isTrue();
        assertThat(received(HOST_A, "5511971000002"))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("apikey")).isEqualTo("key-for-host-a"));
        assertThat(requestsTo("5511971000002"))
                .as("nothing goes to the old host any more")
                .isEmpty();
        assertThat(HOST_A.findAll(postRequestedFor(urlPathMatching("/.*"))))
                .noneMatch(r -> EVOLUTION_KEY.equals(r.getHeader("apikey")));
    }

    @Test
    void changingTheMetaUrlWithoutTheTokenIsRefusedAndTheStoredTokenNeverReachesTheNewHost() throws Exception {
        String admin = adminToken();
        HttpResponse<String> meta = putSettings(
                admin,
                Map.of(
                        "provider",
                        "META",
                        "metaBaseUrl",
                        HOST_A.baseUrl() + "/v20.0",
                        "metaPhoneNumberId",
                        "1098765",
                        "metaAccessToken",
                        "meta-token-for-a"));
        assertThat(meta.statusCode()).as(meta.body()).isEqualTo(200);

        assertRefused(putSettings(admin, Map.of("metaBaseUrl", HOST_B.baseUrl() + "/v20.0")), "metaAccessToken");
        assertThat(sendTest(admin, "(11) 97100-0003").path("accepted").asBoolean())
                .isTrue();
        assertThat(received(HOST_B, "5511971000003")).isEmpty();
        assertThat(received(HOST_A, "5511971000003"))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer meta-token-for-a"));

        assertThat(putSettings(
                                admin,
                                Map.of(
                                        "metaBaseUrl",
                                        HOST_B.baseUrl() + "/v20.0",
                                        "metaAccessToken",
                                        "meta-token-for-b"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(sendTest(admin, "(11) 97100-0004").path("accepted").asBoolean())
                .isTrue();
        assertThat(received(HOST_B, "5511971000004"))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer meta-token-for-b"));
        assertThat(HOST_B.findAll(postRequestedFor(urlPathMatching("/.*"))))
                .noneMatch(r -> "Bearer meta-token-for-a".equals(r.getHeader("Authorization")));
    }

    @Test
    void theSettingsPageAsksForTheKeyAgainInPortugueseWhenTheUrlChanges() throws Exception {
        formLogin("admin@vetric.test", "admin-test-password");
        String csrf = csrf(page("/admin/notifications/settings").body());
        String form = "_csrf=" + csrf + "&provider=EVOLUTION&evolutionUrl=" + enc(HOST_A.baseUrl())
                + "&evolutionInstance=vetric-demo&evolutionApiKey=&metaBaseUrl="
                + enc(NotificationProperties.DEFAULT_META_BASE_URL)
                + "&metaPhoneNumberId=&metaAccessToken=&metaLanguage=pt_BR";
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(url("/admin/notifications/settings")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(302);
        String page = page("/admin/notifications/settings").body();
        assertThat(page).contains("Chave da API do Evolution: informe a chave novamente ao trocar o endereço.");
        assertThat(notifications.settings(condo()).evolutionUrl())
                .isEqualTo(NotificationTestSupport.EVOLUTION.baseUrl());
    }

    // ------------------------------------------------------------------ no link-local or cloud-metadata URLs

    @Test
    void gatewayUrlsAtLinkLocalOrCloudMetadataAddressesAreRefusedAndLoopbackOrPrivateOnesAccepted() throws Exception {
        String admin = adminToken();
        for (String forbidden : List.of(
                "http://169.254.169.254/",
                "http://169.254.169.254./latest/meta-data/",
                "http://[fe80::1]/",
                "http://[fe80::1%251]:8080/",
                "http://[fd00:ec2::254]/",
                "http://100.100.100.200/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://metadata.google.internal./",
                "http://0.0.0.0:8080/",
                "http://[::]/",
                "http://224.0.0.1/",
                "http://[::ffff:169.254.169.254]/",
                "http://[64:ff9b::a9fe:a9fe]/")) {
            assertRefused(
                    putSettings(admin, Map.of("evolutionUrl", forbidden, "evolutionApiKey", "k")), "evolutionUrl");
        }
        assertRefused(
                putSettings(admin, Map.of("metaBaseUrl", "http://169.254.169.254/v20.0", "metaAccessToken", "t")),
                "metaBaseUrl");
        assertRefused(
                putSettings(admin, Map.of("evolutionUrl", "ftp://10.0.0.7/", "evolutionApiKey", "k")), "evolutionUrl");
        assertThat(notifications.settings(condo()).evolutionUrl())
                .isEqualTo(NotificationTestSupport.EVOLUTION.baseUrl());

        for (String allowed : List.of(
                "http://127.0.0.1:9/",
                "http://[::1]:9/",
                "http://10.0.0.7:8080/",
                "http://172.16.5.4/",
                "http://192.168.1.20:8080/evolution",
                "http://[fd12:3456::1]/",
                "http://localhost:9/")) {
            HttpResponse<String> r = putSettings(admin, Map.of("evolutionUrl", allowed, "evolutionApiKey", "k"));
            assertThat(r.statusCode()).as(allowed + " " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void aHostNameResolvingToTheMetadataAddressIsRefusedWhenSavedAndNotCalledWhenItStartsResolvingThere()
            throws Exception {
        String admin = adminToken();
        TestDns.point("metadata-alias.vetric.test", "169.254.169.254");
        assertRefused(
                putSettings(
                        admin, Map.of("evolutionUrl", "http://metadata-alias.vetric.test/", "evolutionApiKey", "k")),
                "evolutionUrl");

        // a name that resolves to loopback is fine, and the message goes there
        TestDns.point("evolution-ok.vetric.test", "127.0.0.1");
        assertThat(putSettings(
                                admin,
                                Map.of(
                                        "evolutionUrl",
                                        "http://evolution-ok.vetric.test:" + HOST_A.port(),
                                        "evolutionApiKey",
                                        "key-by-name"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(sendTest(admin, "(11) 97100-0005").path("accepted").asBoolean())
                .isTrue();
        assertThat(received(HOST_A, "5511971000005"))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("apikey")).isEqualTo("key-by-name"));

        // a URL saved while its name resolved elsewhere, whose DNS now answers the metadata address
        TestDns.point("evolution-rebound.vetric.test", "169.254.169.254");
        jdbc.sql("update notification_settings set evolution_url = :url where condominium_id = :c")
                .param("url", "http://evolution-rebound.vetric.test:" + HOST_A.port())
                .param("c", condo().value())
                .update();
        JsonNode result = sendTest(admin, "(11) 97100-0006");
        assertThat(result.path("accepted").asBoolean()).isFalse();
        assertThat(result.path("reason").asString()).isEqualTo("ADDRESS_NOT_ALLOWED");
        assertThat(result.path("statusCode").isNull()).isTrue();
        assertThat(received(HOST_A, "5511971000006")).isEmpty();
    }

    // ------------------------------------------------------------------ encrypted at rest, shown nowhere

    @Test
    void gatewaySecretsAreEncryptedInTheDatabaseAndAppearInNoAnswerPageOrLog(CapturedOutput output) throws Exception {
        String admin = adminToken();
        String key = "evo-key-" + java.util.UUID.randomUUID();
        String token = "EAAG-meta-token-" + java.util.UUID.randomUUID();
        HttpResponse<String> put = putSettings(
                admin, Map.of("evolutionApiKey", key, "metaAccessToken", token, "metaPhoneNumberId", "1098765"));
        assertThat(put.statusCode()).isEqualTo(200);

        Map<String, Object> row = jdbc.sql("select * from notification_settings where condominium_id = :c")
                .param("c", condo().value())
                .query()
                .singleRow();
        assertThat((String) row.get("evolution_api_key")).startsWith("v1:").doesNotContain(key);
        assertThat((String) row.get("meta_access_token")).startsWith("v1:").doesNotContain(token);
        assertThat(row.values().toString()).doesNotContain(key).doesNotContain(token);
        assertThat(DatabaseDump.tablesContaining(jdbc, key)).isEmpty();
        assertThat(DatabaseDump.tablesContaining(jdbc, token)).isEmpty();

        // it still works: the gateway gets the key
        assertThat(sendTest(admin, "(11) 97100-0007").path("accepted").asBoolean())
                .isTrue();
        assertThat(requestsTo("5511971000007"))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("apikey")).isEqualTo(key));

        String answers = put.body()
                + api("GET", "/api/v1/notification-settings", admin, null).body();
        formLogin("admin@vetric.test", "admin-test-password");
        String pages = page("/admin/notifications/settings").body()
                + page("/notifications").body();
        assertThat(pages).contains("configurada");
        for (String text : List.of(answers, pages, output.getAll())) {
            assertThat(text).doesNotContain(key).doesNotContain(token);
        }
    }

    @Test
    void anEncryptedKeyCopiedToAnotherColumnDoesNotDecrypt() {
        jdbc.sql("update notification_settings set meta_access_token = evolution_api_key where condominium_id = :c")
                .param("c", condo().value())
                .update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> notifications.settings(condo()))
                    .hasMessageContaining("notification_settings.meta_access_token")
                    .hasMessageContaining("VETRIC_SECRETS_KEY")
                    .hasMessageNotContaining(EVOLUTION_KEY);
        } finally {
            jdbc.sql("update notification_settings set meta_access_token = null where condominium_id = :c")
                    .param("c", condo().value())
                    .update();
        }
    }

    // ------------------------------------------------------------------ the delivery log keeps no gateway body

    @Test
    void aGatewayRefusalIsLoggedWithItsStatusAndReasonNeverItsBody(CapturedOutput output) throws Exception {
        StubMapping refuse = NotificationTestSupport.EVOLUTION.stubFor(post(urlPathMatching("/message/sendText/.*"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.number", equalTo("5511971000008")))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(LEAKY_BODY)));
        StubMapping unauthorized =
                NotificationTestSupport.EVOLUTION.stubFor(post(urlPathMatching("/message/sendText/.*"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.number", equalTo("5511971000009")))
                        .willReturn(aResponse().withStatus(401).withBody(LEAKY_BODY)));
        try {
            long id =
                    jdbc.sql("""
                            insert into notification_outbox (condominium_id, kind, subject, recipient, phone, body, status,
                                   attempts, next_attempt_at, created_at, updated_at)
                            values (:c, 'CHARGER_FAULTED', 'test:leaky-body', 'manager:+5511971000008', '+5511971000008',
                                   'Carregador com falha', 'PENDING', 0, now() - interval '1 minute', now(), now())
                            returning id""").param("c", condo().value()).query(Long.class).single();
            notifications.deliverPending();

            Map<String, Object> row = jdbc.sql("select * from notification_outbox where id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat(row)
                    .containsEntry("status", "FAILED")
                    .containsEntry("last_status_code", 400)
                    .containsEntry("last_reason", "GATEWAY_REJECTED")
                    .containsEntry("last_error", null);
            assertThat(DatabaseDump.tablesContaining(jdbc, "sk_live_LEAKED")).isEmpty();
            assertThat(DatabaseDump.tablesContaining(jdbc, "5511999998888")).isEmpty();

            String admin = adminToken();
            HttpResponse<String> log = api("GET", "/api/v1/notifications?status=FAILED&size=100", admin, null);
            JsonNode item = null;
            for (JsonNode n : JSON.readTree(log.body()).path("content")) {
                if (n.path("id").asLong() == id) {
                    item = n;
                }
            }
            assertThat(item).isNotNull();
            assertThat(item.path("lastStatusCode").asInt()).isEqualTo(400);
            assertThat(item.path("lastReason").asString()).isEqualTo("GATEWAY_REJECTED");

            JsonNode test = sendTest(admin, "(11) 97100-0009");
            assertThat(test.path("accepted").asBoolean()).isFalse();
            assertThat(test.path("reason").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(test.path("statusCode").asInt()).isEqualTo(401);

            formLogin("admin@vetric.test", "admin-test-password");
            String page = page("/notifications?status=FAILED").body();
            assertThat(page).contains("Recusada pelo provedor").contains("(HTTP 400)");
            String fragment = http.send(
                            HttpRequest.newBuilder(URI.create(url("/admin/notifications/settings/test")))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Accept-Language", "pt-BR")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "phone=" + enc("(11) 97100-0009") + "&_csrf="
                                                    + csrf(page("/admin/notifications/settings")
                                                            .body())))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(fragment)
                    .contains("Chave ou token recusado pelo provedor")
                    .contains("(HTTP 401)");

            for (String text : List.of(log.body(), test.toString(), page, fragment, output.getAll())) {
                assertThat(text).doesNotContain("sk_live_LEAKED").doesNotContain("5511999998888");
            }
        } finally {
            NotificationTestSupport.EVOLUTION.removeStub(refuse);
            NotificationTestSupport.EVOLUTION.removeStub(unauthorized);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
