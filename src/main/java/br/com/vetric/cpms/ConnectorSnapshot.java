package br.com.vetric.cpms;

import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One connector's last status. {@code rawStatus} keeps CVE-PRO's text for statuses VETRIC does not know.
 * {@code errorCode} is the charger's error code, null when there is no error; {@code errorInfo} its vendor detail.
 * {@code powerMaxW} is normalised to watts (CVE-PRO sends W, kW or nothing).
 */
public record ConnectorSnapshot(
        int connectorId,
        ConnectorStatus status,
        @Nullable String rawStatus,
        @Nullable String errorCode,
        @Nullable String errorInfo,
        @Nullable Instant statusAt,
        @Nullable Integer powerMaxW) {

    public boolean hasError() {
        return errorCode != null;
    }
}
