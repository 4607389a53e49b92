package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP plumbing shared by the Evolution and Meta gateways. Never logs headers (they carry secrets). */
final class HttpGateways {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;

    HttpGateways(NotificationProperties props) {
        this.timeout = props.httpTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs JSON; maps the outcome to a {@link SendResult}, extracting the message id with {@code idPath}. */
    SendResult postJson(String url, Map<String, String> headers, Object body, String... idPath) {
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return new SendResult.Permanent("invalid gateway URL");
            }
        } catch (IllegalArgumentException e) {
            return new SendResult.Permanent("invalid gateway URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        try {
            // only the status and the message id matter: at most 64 KB of the answer is read, the rest dropped
            HttpResponse<String> response = client.send(request.build(),
                    br.com.vetric.platform.BoundedBody.truncatedAt(64 * 1024, timeout));
            String messageId = null;
            if (response.statusCode() / 100 == 2) {
                messageId = extractId(response.body(), idPath);
            }
            return SendResult.ofStatus(response.statusCode(), response.body(), messageId);
        } catch (HttpTimeoutException e) {
            return new SendResult.Retryable("timeout after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new SendResult.Retryable("network error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + SendResult.abbreviate(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retryable("interrupted");
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
