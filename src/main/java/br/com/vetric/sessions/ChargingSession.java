package br.com.vetric.sessions;

import java.time.Instant;

/** A charging session as recorded. Open while {@code endedAt} is null. */
public record ChargingSession(long id, Long externalTransactionId, String chargerUuid, String chargerName,
                              int connectorId, String idTag, Long residentId, String residentName, String apartment,
                              SessionStatus status, Instant startedAt, Instant endedAt, long energyWh,
                              Long durationSeconds, Instant idleSince, long idleSeconds, String endReason,
                              String unidentifiedReason) {

    public boolean open() {
        return endedAt == null;
    }

    public boolean identified() {
        return residentId != null;
    }
}
