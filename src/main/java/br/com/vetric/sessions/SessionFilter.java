package br.com.vetric.sessions;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filters of the session list; null means "any". {@code from}/{@code to} bound the start time. */
public record SessionFilter(
        @Nullable SessionStatus status,
        @Nullable String chargerUuid,
        @Nullable Long residentId,
        @Nullable String apartment,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Boolean unidentifiedOnly) {

    public static SessionFilter none() {
        return new SessionFilter(null, null, null, null, null, null, null);
    }
}
