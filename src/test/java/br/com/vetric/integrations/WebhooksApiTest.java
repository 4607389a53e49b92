package br.com.vetric.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.notifications.GatewaySettingsCommand;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.Notifications;
import br.com.vetric.sessions.SessionEvents.SessionStarted;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.support.HttpFrom;
import br.com.vetric.support.NodePartner;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Standard Webhooks over real HTTP to a real receiver, signatures checked by the reference {@code standardwebhooks}
 * package (npm, run with Node.js): retries keep the webhook-id, a rotation signs with both secrets, replays send the
 * same id again, the outbox row is written in the change's transaction.
 */
@IntegrationsTest
class WebhooksApiTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Notifications notifications;

    @Autowired
    ApplicationEventPublisher events;

    HttpFrom http;
    String admin;
    Condominium condo;
    String run;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        run = Long.toString(System.nanoTime(), 36);
        admin = IntegrationsFixtures.admin(http);
        condo = IntegrationsFixtures.enterprise(condominiums, "Ganchos " + run);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    String[] as() {
        return new String[] {
            "Authorization", admin, CurrentCondominium.HEADER, condo.id().toString()
        };
    }

    /** Creates an endpoint; returns {id, secret}. */
    String[] subscribe(String... events) {
        String list = String.join("\",\"", events);
        HttpResponse<String> r = http.postJson(
                "/api/v1/webhooks",
                "{\"url\":\"" + receiver.url() + "\",\"events\":[\"" + list + "\"],\"description\":\"ERP\"}",
                as());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String secret = JsonPath.read(r.body(), "$.secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(JsonPath.<Boolean>read(r.body(), "$.active")).isTrue();
        return new String[] {JsonPath.read(r.body(), "$.id").toString(), secret};
    }

    /** What the reference implementation says of a delivery checked with {@code secret}. */
    static String verify(WebhookReceiver.Received d, String secret) throws Exception {
        Path file = Files.createTempFile("delivery", ".json");
        try {
            Files.writeString(
                    file,
                    JsonMapper.builder()
                            .build()
                            .writeValueAsString(Map.of(
                                    "id", d.id(),
                                    "timestamp", d.timestamp(),
                                    "signature", d.signature(),
                                    "body", d.body(),
                                    "secret", secret)));
            Process p = NodePartner.named("standardwebhooks")
                    .node("verify.js", file.toString())
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheEventOnTheFourthWithTheSameWebhookIdSignedAsTheSpecSays() throws Exception {
        receiver.answer(500, 503, 502);
        String[] hook = subscribe("resident.created");
        HttpResponse<String> created =
                http.postJson("/api/v1/residents", "{\"name\":\"Ana Webhook\",\"apartment\":\"101\"}", as());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        await().atMost(WAIT).until(() -> receiver.received.size() >= 4);
        List<WebhookReceiver.Received> got = receiver.received;
        assertThat(got).extracting(WebhookReceiver.Received::answered).containsExactly(500, 503, 502, 204);
        assertThat(got)
                .extracting(WebhookReceiver.Received::id)
                .containsOnly(got.getFirst().id());
        assertThat(got.getFirst().id()).startsWith("msg_");
        WebhookReceiver.Received last = got.get(3);
        assertThat(JsonPath.<String>read(last.body(), "$.type")).isEqualTo("resident.created");
        assertThat(JsonPath.<String>read(last.body(), "$.data.name")).isEqualTo("Ana Webhook");
        assertThat(JsonPath.<String>read(last.body(), "$.timestamp")).isNotBlank();
        assertThat(verify(last, hook[1])).isEqualTo("verified resident.created");
        assertThat(verify(last, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                .startsWith("refused");

        await().atMost(WAIT).untilAsserted(() -> {
            String log = http.get("/api/v1/webhooks/" + hook[0] + "/deliveries", as())
                    .body();
            assertThat(JsonPath.<List<String>>read(log, "$[*].status")).containsExactly("DELIVERED");
            assertThat(JsonPath.<List<Integer>>read(log, "$[*].attempts")).containsExactly(4);
            assertThat(JsonPath.<List<Integer>>read(log, "$[*].responseCode")).containsExactly(204);
        });
    }

    @Test
    void duringARotationBothSecretsSignAndTheReferenceImplementationAcceptsEither() throws Exception {
        String[] hook = subscribe("charger.offline");
        HttpResponse<String> rotated = http.postJson("/api/v1/webhooks/" + hook[0] + "/rotate-secret", "", as());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newSecret = JsonPath.read(rotated.body(), "$.secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(hook[1]);

        assertThat(http.postJson("/api/v1/webhooks/" + hook[0] + "/test", "", as())
                        .statusCode())
                .isEqualTo(202);
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        WebhookReceiver.Received d = receiver.received.getFirst();
        assertThat(d.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(verify(d, newSecret)).isEqualTo("verified webhook.test");
        assertThat(verify(d, hook[1])).isEqualTo("verified webhook.test");
    }

    @Test
    void aReplaySendsTheSameIdAgainAnd410DisablesTheEndpointUntilItIsTurnedBackOn() throws Exception {
        String[] hook = subscribe("resident.created");
        http.postJson("/api/v1/webhooks/" + hook[0] + "/test", "", as());
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        String firstId = receiver.received.getFirst().id();
        long delivery = await().atMost(WAIT)
                .until(
                        () -> JsonPath.<List<Integer>>read(
                                http.get("/api/v1/webhooks/" + hook[0] + "/deliveries", as())
                                        .body(),
                                "$[?(@.status == 'DELIVERED')].id"),
                        l -> l.size() == 1)
                .getFirst();

        receiver.answer(410);
        assertThat(http.postJson("/api/v1/webhooks/" + hook[0] + "/deliveries/" + delivery + "/replay", "", as())
                        .statusCode())
                .isEqualTo(202);
        await().atMost(WAIT).until(() -> receiver.received.size() == 2);
        assertThat(receiver.received.get(1).id()).isEqualTo(firstId);
        await().atMost(WAIT)
                .until(() -> !JsonPath.<Boolean>read(
                        http.get("/api/v1/webhooks/" + hook[0], as()).body(), "$.active"));
        assertThat(JsonPath.<String>read(
                        http.get("/api/v1/webhooks/" + hook[0], as()).body(), "$.disabledReason"))
                .contains("410");

        assertThat(http.patchJson("/api/v1/webhooks/" + hook[0], "{\"active\":true}", as())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> since = http.postJson(
                "/api/v1/webhooks/" + hook[0] + "/replay?since=" + Instant.now().minusSeconds(3600), "", as());
        assertThat(since.statusCode()).as(since.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(since.body(), "$.replayed")).isEqualTo(1);
        await().atMost(WAIT).until(() -> receiver.received.size() == 3);
        assertThat(receiver.received.get(2).id()).isEqualTo(firstId);
        assertThat(receiver.received.get(2).answered()).isEqualTo(204);
    }

    @Test
    void anEndpointAnswering410IsDisabledAndTheManagersAreToldOnceNamingItsHostAndTheReason() {
        notifications.updateSettings(
                condo.id(),
                new GatewaySettingsCommand(null, null, null, null, null, null, null, null, List.of("(11) 99000-0013")));
        receiver.answer(410, 410);
        String[] hook = subscribe("resident.created");
        http.postJson("/api/v1/webhooks/" + hook[0] + "/test", "", as());
        http.postJson("/api/v1/webhooks/" + hook[0] + "/test", "", as());
        await().atMost(WAIT)
                .until(() -> !JsonPath.<Boolean>read(
                        http.get("/api/v1/webhooks/" + hook[0], as()).body(), "$.active"));
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from webhook_delivery where endpoint_id = :id"
                                        + " and status in ('PENDING', 'IN_FLIGHT')")
                                .param("id", Long.parseLong(hook[0]))
                                .query(Long.class)
                                .single()
                        == 0);

        List<Map<String, Object>> told = jdbc.sql(
                        "select phone, body from notification_outbox where condominium_id = :c and kind = :k")
                .param("c", condo.id().value())
                .param("k", NotificationKind.WEBHOOK_DISABLED.name())
                .query()
                .listOfRows();
        assertThat(told).as("one manager, one disabling: one message").hasSize(1);
        assertThat(told.getFirst().get("phone")).isEqualTo("+5511990000013");
        assertThat((String) told.getFirst().get("body"))
                .startsWith(condo.name() + ": um webhook foi desativado.")
                .contains("O endereço 127.0.0.1 respondeu 410.");
    }

    @Test
    void theOutboxRowIsWrittenInTheTransactionOfTheChangeAndGoesWithItsRollback() {
        String[] hook = subscribe("charging_session.started");
        SessionsChanged started = new SessionsChanged(
                condo.id(),
                List.of(new SessionStarted(
                        condo.id(),
                        987654,
                        "uuid-x",
                        "Vaga X",
                        1,
                        null,
                        "TAG",
                        SessionStatus.CHARGING,
                        Instant.now())));
        Long inside = tx.execute(s -> {
            events.publishEvent(started);
            s.setRollbackOnly();
            return rows(hook[0]);
        });
        assertThat(inside).isEqualTo(1);
        assertThat(rows(hook[0])).isZero();

        tx.executeWithoutResult(s -> events.publishEvent(started));
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        String body = receiver.received.getFirst().body();
        assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("charging_session.started");
        assertThat(JsonPath.<Integer>read(body, "$.data.id")).isEqualTo(987654);
        assertThat(JsonPath.<String>read(body, "$.data.chargerUuid")).isEqualTo("uuid-x");
        assertThat(body).doesNotContain("@type").doesNotContain("sessionId");
    }

    long rows(String endpoint) {
        return jdbc.sql("select count(*) from webhook_delivery where endpoint_id = :e")
                .param("e", Long.parseLong(endpoint))
                .query(Long.class)
                .single();
    }

    @Test
    void aMetadataAddressIsRefusedEvenWithPrivateAddressesAllowed() {
        HttpResponse<String> r = http.postJson(
                "/api/v1/webhooks",
                "{\"url\":\"http://169.254.169.254/latest\",\"events\":[\"charger.online\"]}",
                as());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(r.body(), "$.errors[0].field")).isEqualTo("url");
    }
}
