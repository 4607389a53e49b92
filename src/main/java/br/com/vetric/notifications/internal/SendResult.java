package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.DeliveryFailure;

/** What a gateway answered: never its response body (only the status code and a classified reason). */
public sealed interface SendResult {

    /** 2xx: the provider took the message. */
    record Accepted(String messageId) implements SendResult {}

    /** Not taken; {@code statusCode} is null when no HTTP answer came. */
    sealed interface Failed extends SendResult {
        DeliveryFailure reason();

        Integer statusCode();
    }

    /** Network error, timeout, 5xx or 429: try again later. */
    record Retryable(DeliveryFailure reason, Integer statusCode) implements Failed {}

    /** Any other 4xx or a configuration problem: retrying will not help. */
    record Permanent(DeliveryFailure reason, Integer statusCode) implements Failed {}

    static SendResult ofStatus(int status, String messageId) {
        if (status >= 200 && status < 300) {
            return new Accepted(messageId);
        }
        return failed(DeliveryFailure.ofStatus(status), status);
    }

    static Failed failed(DeliveryFailure reason, Integer statusCode) {
        return reason.retryable() ? new Retryable(reason, statusCode) : new Permanent(reason, statusCode);
    }
}
