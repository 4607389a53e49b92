package br.com.vetric.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.notifications.internal.Placeholders;
import br.com.vetric.residents.Resident;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Meta WhatsApp Cloud API gateway over real HTTP: the condominium's settings switch to provider meta with
 * its base URL on a WireMock server; each test drives one resident through the simulator and reads what Meta got.
 */
class MetaGatewayTest extends NotificationTestSupport {

    private static final String PHONE_NUMBER_ID = "109876543210";
    private static final String TOKEN = "meta-test-token-abc";
    private static final Duration STEP = Duration.ofSeconds(30);
    static final WireMockServer META = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        META.start();
    }

    @AfterAll
    static void stopMeta() {
        META.stop();
    }

    @BeforeEach
    void switchToMeta() {
        META.resetAll();
        META.stubFor(post(urlPathEqualTo("/v20.0/" + PHONE_NUMBER_ID + "/messages"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                        + "\"messages\":[{\"id\":\"wamid.HBgLNTUxMTk4NzY1NDMyMQ\"}]}")));
        notifications.updateSettings(
                condo(),
                new GatewaySettingsCommand(
                        WhatsAppProvider.META,
                        null,
                        null,
                        null,
                        META.baseUrl() + "/v20.0/",
                        PHONE_NUMBER_ID,
                        TOKEN,
                        "pt_BR",
                        null));
    }

    @AfterEach
    void backToEvolution() {
        notifications.updateSettings(
                condo(),
                new GatewaySettingsCommand(WhatsAppProvider.EVOLUTION, null, null, null, null, null, null, null, null));
    }

    private static List<LoggedRequest> metaRequestsTo(String digits) {
        List<LoggedRequest> list = new java.util.ArrayList<>(META.findAll(postRequestedFor(urlPathMatching("/.*"))
                .withRequestBody(
                        matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(digits)))));
        list.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return list;
    }

    private StubMapping answer(String digits, int status) {
        return META.stubFor(post(urlPathMatching("/.*"))
                .atPriority(1)
                .withRequestBody(
                        matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(digits)))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"status " + status + "\",\"code\":131000}}")));
    }

    private void finish(String charger) {
        simulator.stop(charger, "Local");
        simulator.unplug(charger);
        run(Duration.ofMinutes(1), STEP);
    }

    @Test
    void aResidentMessageIsAnApprovedTemplateWithTheBodyParametersInPlaceholderOrder() {
        Resident r = resident(9);
        String to = digits(r.phone());
        Instant plugged = clock.instant();
        simulator.plugIn("Garagem 1", r.tags().getFirst());
        simulator.startCharging("Garagem 1");
        cycle();
        long session = lastSessionId("Garagem 1");
        run(Duration.ofMinutes(4), STEP);

        List<LoggedRequest> sent = metaRequestsTo(to);
        assertThat(sent).hasSize(1);
        LoggedRequest req = sent.getFirst();
        assertThat(req.getUrl()).isEqualTo("/v20.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(req.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = body(req);
        assertThat(body.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(body.path("to").asString()).isEqualTo(to);
        assertThat(body.path("type").asString()).isEqualTo("template");
        assertThat(body.path("template").path("name").asString()).isEqualTo("vetric_charging_started");
        assertThat(body.path("template").path("language").path("code").asString())
                .isEqualTo("pt_BR");
        JsonNode components = body.path("template").path("components");
        assertThat(components.size()).isEqualTo(1);
        assertThat(components.path(0).path("type").asString()).isEqualTo("body");
        // "Olá, {{nome}}! ... no {{carregador}} começou em {{data}}. ... {{localizacao}}"
        String location = condominiums.find(condo()).map(Condominium::name).orElseThrow();
        List<String> params = new java.util.ArrayList<>();
        components.path(0).path("parameters").forEach(p -> {
            assertThat(p.path("type").asString()).isEqualTo("text");
            params.add(p.path("text").asString());
        });
        assertThat(params).containsExactly(r.name(), "Garagem 1", Placeholders.date(plugged), location);
        assertThat(requestsTo(to)).as("nothing went through Evolution").isEmpty();
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "SENT")
                .containsEntry("provider", "META");

        finish("Garagem 1");
    }

    @Test
    void aServerErrorFromMetaIsRetriedAndTheMessageDeliveredOnce() {
        Resident r = resident(10);
        String to = digits(r.phone());
        StubMapping down = answer(to, 503);
        simulator.plugIn("Garagem 2", r.tags().getFirst());
        simulator.startCharging("Garagem 2");
        cycle();
        long session = lastSessionId("Garagem 2");
        run(Duration.ofMinutes(3), STEP); // due at +3 min: one refused attempt

        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1);
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("last_status_code", 503)
                .containsEntry("last_reason", "GATEWAY_ERROR");
        assertThat(metaRequestsTo(to)).hasSize(1);

        META.removeStub(down);
        advance(Duration.ofMinutes(1)); // initial backoff
        notifications.deliverPending();
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 2);
        run(Duration.ofMinutes(3), STEP);
        assertThat(metaRequestsTo(to)).hasSize(2); // one refused, one accepted, none after

        finish("Garagem 2");
    }

    @Test
    void aClientErrorFromMetaFailsPermanentlyWithoutRetry() {
        Resident r = resident(11);
        String to = digits(r.phone());
        StubMapping refused = answer(to, 400);
        simulator.plugIn("Garagem 3", r.tags().getFirst());
        simulator.startCharging("Garagem 3");
        cycle();
        long session = lastSessionId("Garagem 3");
        run(Duration.ofMinutes(3), STEP);
        run(Duration.ofMinutes(20), Duration.ofMinutes(2)); // well past every backoff

        assertThat(metaRequestsTo(to)).hasSize(1);
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "FAILED")
                .containsEntry("attempts", 1)
                .containsEntry("provider", "META");
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("last_status_code", 400)
                .containsEntry("last_reason", "GATEWAY_REJECTED");
        META.removeStub(refused);

        finish("Garagem 3");
    }
}
