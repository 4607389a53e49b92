package br.com.vetric.chargers;

import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;

public record ConnectorView(
        int connectorId,
        ConnectorStatus status,
        String errorCode,
        String errorInfo,
        Instant lastStatusAt,
        Integer powerMaxW) {}
