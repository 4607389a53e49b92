package br.com.vetric.simulator;

import java.time.Instant;
import java.util.List;

/** Read-only view of a simulated charger, for tests. */
public record ChargerSnapshot(
        String chargeBoxId,
        String uuid,
        String description,
        boolean online,
        Instant lastHeartbeat,
        List<ConnectorSnapshot> connectors) {

    public record ConnectorSnapshot(
            int connectorId, long connectorPk, String status, String errorCode, Long runningTransactionId) {}

    public ConnectorSnapshot connector(int connectorId) {
        return connectors.stream()
                .filter(c -> c.connectorId() == connectorId)
                .findFirst()
                .orElseThrow();
    }
}
