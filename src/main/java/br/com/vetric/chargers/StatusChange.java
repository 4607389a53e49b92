package br.com.vetric.chargers;

import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;

/** One row of a charger's status history. */
public record StatusChange(
        String chargerUuid,
        int connectorId,
        ConnectorStatus status,
        String errorCode,
        boolean online,
        Instant statusAt,
        Instant observedAt) {}
