package br.com.vetric.cpms;

import br.com.vetric.shared.EndReason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A CVE-PRO transaction (a charging session as the charger recorded it). Running while {@code stoppedAt}
 * is null. {@code idTag} is exactly as received (may be blank or in any letter case); {@code energyWh} may
 * be null while running; {@code stopReason} is null while running or when the charger gave none.
 */
public record TransactionSnapshot(
        long id,
        String chargeBoxUuid,
        int connectorId,
        @Nullable String idTag,
        @Nullable Long tagPk,
        Instant startedAt,
        @Nullable Instant stoppedAt,
        @Nullable Long energyWh,
        @Nullable Long durationSeconds,
        @Nullable Long idleDurationSeconds,
        @Nullable EndReason stopReason) {

    public boolean running() {
        return stoppedAt == null;
    }
}
