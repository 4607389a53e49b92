package br.com.vetric.integrations.internal;

import br.com.vetric.integrations.IntegrationsProperties;
import br.com.vetric.platform.OutboundAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Sends one signed delivery over HTTP: the URL is checked again right before each attempt (DNS may have changed since
 * it was saved), redirects are not followed, the connection and the whole request have time limits, and at most
 * 4 KB of the answer is read.
 */
@Component
class WebhookSender {

    static final int MAX_RESPONSE_BYTES = 4096;

    /** The outcome of one attempt. {@code code} is null when no HTTP answer came. */
    record Outcome(Integer code, String error, int durationMs) {
        boolean delivered() {
            return code != null && code >= 200 && code < 300;
        }

        boolean gone() {
            return code != null && code == 410;
        }
    }

    private final IntegrationsProperties props;
    private final HttpClient client;

    WebhookSender(IntegrationsProperties props) {
        this.props = props;
        this.client = HttpClient.newBuilder()
                .connectTimeout(props.webhooksConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Why VETRIC may not call this URL ("must use https", "resolves to a private address"…), or null when it may.
     */
    String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(props.webhooksAllowPrivate() && scheme.equals("http"))) {
            return "must use https";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry a user or password";
        }
        return switch (OutboundAddresses.check(uri.getHost(), !props.webhooksAllowPrivate())) {
            case ALLOWED -> null;
            case FORBIDDEN -> "resolves to a private, loopback, link-local, multicast or metadata address";
            case UNRESOLVED -> "its host does not resolve";
        };
    }

    Outcome send(String url, String messageId, long timestamp, String signature, String body) {
        long start = System.nanoTime();
        String refused = refusal(url);
        if (refused != null) {
            return new Outcome(null, "URL refused: " + refused, 0);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(props.webhooksTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "VETRIC-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                in.readNBytes(MAX_RESPONSE_BYTES); // read a little of the answer, never all of it
            }
            int code = response.statusCode();
            return new Outcome(code, code >= 200 && code < 300 ? null : "HTTP " + code, millis(start));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timeout", millis(start));
        } catch (IOException e) {
            return new Outcome(null, "network error: " + e.getClass().getSimpleName(), millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", millis(start));
        }
    }

    private static int millis(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }
}
