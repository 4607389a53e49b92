package br.com.vetric.sync;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How one connection's polls are going (since VETRIC started). {@code lastError} never carries a secret. */
public record ConnectionHealth(
        long connectionId,
        ConnectionState state,
        @Nullable Instant lastSuccessAt,
        @Nullable Instant lastAttemptAt,
        int consecutiveFailures,
        @Nullable String lastError) {

    static ConnectionHealth notPolledYet(long connectionId) {
        return new ConnectionHealth(connectionId, ConnectionState.NOT_POLLED_YET, null, null, 0, null);
    }

    ConnectionHealth succeeded(Instant at) {
        return new ConnectionHealth(connectionId, ConnectionState.OK, at, at, 0, null);
    }

    ConnectionHealth failed(Instant at, ConnectionState state, String error) {
        return new ConnectionHealth(connectionId, state, lastSuccessAt, at, consecutiveFailures + 1, error);
    }

    public boolean connected() {
        return state == ConnectionState.OK;
    }
}
