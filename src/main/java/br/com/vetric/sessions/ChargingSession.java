package br.com.vetric.sessions;

import br.com.vetric.shared.EndReason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A charging session as recorded. Open while {@code endedAt} is null. {@code idleSeconds} counts the idle time up
 * to now for an open session; {@code durationSeconds} is set once the session ended. {@code energyPending}: the
 * charger reports this open session's energy only when it ends, so its {@code energyWh} (0) is not known yet.
 */
public record ChargingSession(
        long id,
        @Nullable Long externalTransactionId,
        String chargerUuid,
        @Nullable String chargerName,
        int connectorId,
        @Nullable String idTag,
        @Nullable Long residentId,
        @Nullable String residentName,
        @Nullable String apartment,
        SessionStatus status,
        Instant startedAt,
        @Nullable Instant endedAt,
        long energyWh,
        @Nullable Long durationSeconds,
        @Nullable Instant idleSince,
        long idleSeconds,
        @Nullable EndReason endReason,
        @Nullable UnidentifiedReason unidentifiedReason,
        boolean energyPending) {

    public boolean open() {
        return endedAt == null;
    }

    public boolean identified() {
        return residentId != null;
    }
}
