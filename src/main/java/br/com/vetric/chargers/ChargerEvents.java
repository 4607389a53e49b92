package br.com.vetric.chargers;

import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;

/** Durable events about chargers, published by the sync cycle through {@link Chargers#apply}. */
public final class ChargerEvents {

    private ChargerEvents() {}

    /** A charger uuid seen for the first time (new or replaced charger). */
    public record ChargerDiscovered(CondominiumId condominiumId, String chargerUuid, String chargerName, Instant at) {}

    /** A connector's status or error code changed. */
    public record ChargerStatusChanged(
            CondominiumId condominiumId,
            String chargerUuid,
            String chargerName,
            int connectorId,
            ConnectorStatus previous,
            ConnectorStatus current,
            String errorCode,
            Instant statusAt,
            Instant observedAt) {}

    /** A connector entered a fault (status Faulted or an error code). */
    public record ChargerFaulted(
            CondominiumId condominiumId,
            String chargerUuid,
            String chargerName,
            int connectorId,
            String errorCode,
            String errorInfo,
            Instant at) {}

    /** The fault of a connector cleared. */
    public record ChargerFaultCleared(
            CondominiumId condominiumId, String chargerUuid, String chargerName, int connectorId, Instant at) {}

    /** A connector reports Unavailable. */
    public record ChargerUnavailable(
            CondominiumId condominiumId, String chargerUuid, String chargerName, int connectorId, Instant at) {}

    /** The charger's heartbeat went stale. */
    public record ChargerWentOffline(
            CondominiumId condominiumId, String chargerUuid, String chargerName, Instant lastHeartbeatAt, Instant at) {}

    /** The charger's heartbeat is fresh again. */
    public record ChargerBackOnline(CondominiumId condominiumId, String chargerUuid, String chargerName, Instant at) {}
}
