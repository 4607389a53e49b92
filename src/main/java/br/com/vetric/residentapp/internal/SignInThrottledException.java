package br.com.vetric.residentapp.internal;

import java.time.Duration;

/** Too many sign-in requests from one address: 429 with {@code Retry-After}. */
public class SignInThrottledException extends RuntimeException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("too many sign-in requests from this address");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
