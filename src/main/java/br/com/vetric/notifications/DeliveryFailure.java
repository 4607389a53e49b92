package br.com.vetric.notifications;

/**
 * Why a gateway did not take a message, classified from its HTTP status or the connection error. The delivery
 * log keeps this and the status code, never the gateway's response body (which may echo secrets or phones).
 */
public enum DeliveryFailure {
    /** 4xx other than the ones below: the gateway refused this message (bad number, template, payload). */
    GATEWAY_REJECTED,
    /** 401 or 403: the key or token is wrong or lacks permission. */
    UNAUTHORIZED,
    /** 429: too many messages; retried later. */
    RATE_LIMITED,
    /** 5xx: the gateway failed; retried later. */
    GATEWAY_ERROR,
    /** No answer in time (or 408); retried later. */
    TIMEOUT,
    /** The gateway could not be reached (DNS, refused connection, TLS); retried later. */
    NETWORK,
    /** The gateway's URL, key or instance is missing or invalid. */
    NOT_CONFIGURED,
    /** The gateway's host is (or now resolves to) a link-local, cloud-metadata, multicast or unspecified address. */
    ADDRESS_NOT_ALLOWED,
    /** Anything else (a defect in VETRIC); retried later. */
    UNEXPECTED;

    /** The classification of a non-2xx HTTP status. */
    public static DeliveryFailure ofStatus(int status) {
        if (status == 401 || status == 403) {
            return UNAUTHORIZED;
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status == 408) {
            return TIMEOUT;
        }
        return status >= 500 ? GATEWAY_ERROR : GATEWAY_REJECTED;
    }

    /** Whether trying again later may help. */
    public boolean retryable() {
        return switch (this) {
            case RATE_LIMITED, GATEWAY_ERROR, TIMEOUT, NETWORK, UNEXPECTED -> true;
            case GATEWAY_REJECTED, UNAUTHORIZED, NOT_CONFIGURED, ADDRESS_NOT_ALLOWED -> false;
        };
    }
}
