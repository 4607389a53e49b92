package br.com.vetric.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.support.Settings;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateways' HTTP plumbing against a WireMock gateway: how much of an answer is read. */
class HttpGatewaysTest {

    final WireMockServer gateway = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void start() {
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void aGatewayAnsweringMegabytesIsReadOnlyUpTo64KbAndTheMessageStillCountsAsAccepted() {
        // 8 MB trickling in over 20 s: read whole, the call would take 20 s (or time out and be sent again)
        String body = "{\"key\":{\"id\":\"3EB0C431C26A1916E3B0\"},\"pad\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}";
        gateway.stubFor(post(urlPathEqualTo("/message/sendText/vetric"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)
                        .withChunkedDribbleDelay(400, 20_000)));
        HttpGateways http =
                new HttpGateways(Settings.of(NotificationProperties.class, "vetric.notifications", Map.of()));

        long t0 = System.nanoTime();
        SendResult result = http.postJson(
                gateway.baseUrl() + "/message/sendText/vetric",
                Map.of("apikey", "k"),
                Map.of("number", "5511987654321", "text", "oi"),
                "key",
                "id");
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(ms).as("answered in %d ms", ms).isLessThan(5_000);
    }
}
