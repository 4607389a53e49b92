package br.com.vetric.cpms;

import java.time.Instant;

/**
 * A CVE-PRO transaction (a charging session as the charger recorded it). Running while {@code stoppedAt}
 * is null. {@code idTag} is exactly as received (may be blank or in any letter case); {@code energyWh} may
 * be null while running.
 */
public record TransactionSnapshot(long id, String chargeBoxUuid, int connectorId, String idTag, Long tagPk,
                                  Instant startedAt, Instant stoppedAt, Long energyWh, Long durationSeconds,
                                  Long idleDurationSeconds, String stopReason) {

    public boolean running() {
        return stoppedAt == null;
    }
}
