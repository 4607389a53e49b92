package br.com.vetric.chargers;

import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;
import java.util.List;

/**
 * A charger as VETRIC last observed it (served as is when CVE-PRO is unreachable). {@code errorCode} is null when
 * no connector reports an error.
 */
public record ChargerView(
        String uuid,
        String chargeBoxId,
        String name,
        String vendor,
        String model,
        ConnectorStatus status,
        String errorCode,
        boolean online,
        Instant lastStatusAt,
        Instant lastHeartbeatAt,
        Instant firstSeenAt,
        Instant lastChangedAt,
        List<ConnectorView> connectors) {

    public boolean faulted() {
        return status == ConnectorStatus.FAULTED || errorCode != null;
    }
}
