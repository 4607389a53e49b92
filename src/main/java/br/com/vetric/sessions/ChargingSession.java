package br.com.vetric.sessions;

import br.com.vetric.shared.EndReason;
import java.time.Instant;

/**
 * A charging session as recorded. Open while {@code endedAt} is null. {@code idleSeconds} counts the idle time up
 * to now for an open session; {@code durationSeconds} is set once the session ended. {@code energyPending}: the
 * charger reports this open session's energy only when it ends, so its {@code energyWh} (0) is not known yet.
 */
public record ChargingSession(long id, Long externalTransactionId, String chargerUuid, String chargerName,
                              int connectorId, String idTag, Long residentId, String residentName, String apartment,
                              SessionStatus status, Instant startedAt, Instant endedAt, long energyWh,
                              Long durationSeconds, Instant idleSince, long idleSeconds, EndReason endReason,
                              UnidentifiedReason unidentifiedReason, boolean energyPending) {

    public boolean open() {
        return endedAt == null;
    }

    public boolean identified() {
        return residentId != null;
    }
}
