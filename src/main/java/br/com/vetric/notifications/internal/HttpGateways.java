package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.DeliveryFailure;
import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.platform.OutboundAddresses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP plumbing shared by the Evolution and Meta gateways. Never logs headers (they carry secrets) nor
 * response bodies; refuses hosts that resolve to forbidden addresses right before connecting.
 */
final class HttpGateways {

    private static final Logger log = LoggerFactory.getLogger(HttpGateways.class);

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;

    HttpGateways(NotificationProperties props) {
        this.timeout = props.httpTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** POSTs JSON; maps the outcome to a {@link SendResult}, extracting the message id with {@code idPath}. */
    SendResult postJson(String url, Map<String, String> headers, Object body, String... idPath) {
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return SendResult.failed(DeliveryFailure.NOT_CONFIGURED, null);
            }
        } catch (IllegalArgumentException e) {
            return SendResult.failed(DeliveryFailure.NOT_CONFIGURED, null);
        }
        switch (OutboundAddresses.check(uri.getHost())) {
            case FORBIDDEN -> {
                log.warn(
                        "Gateway host {} resolves to a forbidden address (link-local, metadata, multicast); not sent",
                        uri.getHost());
                return SendResult.failed(DeliveryFailure.ADDRESS_NOT_ALLOWED, null);
            }
            case UNRESOLVED -> {
                return SendResult.failed(DeliveryFailure.NETWORK, null);
            }
            case ALLOWED -> {}
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        try {
            // only the status and the message id matter: at most 64 KB of the answer is read, the rest dropped
            HttpResponse<String> response =
                    client.send(request.build(), br.com.vetric.platform.BoundedBody.truncatedAt(64 * 1024, timeout));
            String messageId = null;
            if (response.statusCode() / 100 == 2) {
                messageId = extractId(response.body(), idPath);
            }
            return SendResult.ofStatus(response.statusCode(), messageId);
        } catch (HttpTimeoutException e) {
            return SendResult.failed(DeliveryFailure.TIMEOUT, null);
        } catch (IOException e) {
            log.info(
                    "Gateway {} not reached: {} {}",
                    uri.getHost(),
                    e.getClass().getSimpleName(),
                    e.getMessage() == null ? "" : e.getMessage());
            return SendResult.failed(DeliveryFailure.NETWORK, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed(DeliveryFailure.UNEXPECTED, null);
        }
    }

    private static String extractId(String body, String... path) {
        if (body == null || body.isBlank() || path.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (String p : path) {
                node = p.matches("\\d+") ? node.path(Integer.parseInt(p)) : node.path(p);
            }
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String trimSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
