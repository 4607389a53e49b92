package br.com.vetric.notifications.internal;

/** What a gateway answered. */
public sealed interface SendResult {

    /** 2xx: the provider took the message. */
    record Accepted(String messageId) implements SendResult {
    }

    /** Network error, timeout, 5xx or 429: try again later. */
    record Retryable(String reason) implements SendResult {
    }

    /** Any other 4xx or a configuration problem: retrying will not help. */
    record Permanent(String reason) implements SendResult {
    }

    static SendResult ofStatus(int status, String body, String messageId) {
        if (status >= 200 && status < 300) {
            return new Accepted(messageId);
        }
        String reason = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        if (status >= 500 || status == 429 || status == 408) {
            return new Retryable(reason);
        }
        return new Permanent(reason);
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
