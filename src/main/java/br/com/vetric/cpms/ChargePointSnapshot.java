package br.com.vetric.cpms;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A charger as CVE-PRO reported it in one poll. Keyed by {@code uuid}. */
public record ChargePointSnapshot(
        String uuid,
        @Nullable String chargeBoxId,
        @Nullable String description,
        @Nullable String vendor,
        @Nullable String model,
        @Nullable Instant lastHeartbeatAt,
        boolean active,
        List<ConnectorSnapshot> connectors) {

    public ChargePointSnapshot {
        connectors = connectors == null ? List.of() : List.copyOf(connectors);
    }

    /** What people call the charger: its description, else its charge box id, else its uuid. */
    public String displayName() {
        if (description != null && !description.isBlank()) {
            return description;
        }
        return chargeBoxId != null && !chargeBoxId.isBlank() ? chargeBoxId : uuid;
    }
}
