package br.com.vetric.sessions;

import java.time.Instant;

/** Filters of the session list; null means "any". {@code from}/{@code to} bound the start time. */
public record SessionFilter(SessionStatus status, String chargerUuid, Long residentId, String apartment,
                            Instant from, Instant to, Boolean unidentifiedOnly) {

    public static SessionFilter none() {
        return new SessionFilter(null, null, null, null, null, null, null);
    }
}
