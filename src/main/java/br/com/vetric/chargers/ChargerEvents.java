package br.com.vetric.chargers;

import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/** Durable events about chargers, published by the sync cycle through {@link Chargers#apply}. */
public final class ChargerEvents {

    private ChargerEvents() {}

    /**
     * What one poll changed in a condominium's chargers, in order: one durable publication per listener instead of
     * one per event, so the work that follows a poll is batched.
     */
    public record ChargersChanged(CondominiumId condominiumId, List<ChargerEvent> events) {

        public ChargersChanged {
            events = List.copyOf(events);
        }

        /** The events of one kind, in order. */
        public <T extends ChargerEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Something that happened to one charger. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
    @JsonSubTypes({
        @JsonSubTypes.Type(ChargerDiscovered.class),
        @JsonSubTypes.Type(ChargerStatusChanged.class),
        @JsonSubTypes.Type(ChargerFaulted.class),
        @JsonSubTypes.Type(ChargerFaultCleared.class),
        @JsonSubTypes.Type(ChargerUnavailable.class),
        @JsonSubTypes.Type(ChargerWentOffline.class),
        @JsonSubTypes.Type(ChargerBackOnline.class)
    })
    public sealed interface ChargerEvent
            permits ChargerDiscovered,
                    ChargerStatusChanged,
                    ChargerFaulted,
                    ChargerFaultCleared,
                    ChargerUnavailable,
                    ChargerWentOffline,
                    ChargerBackOnline {

        CondominiumId condominiumId();

        String chargerUuid();
    }

    /** A charger uuid seen for the first time (new or replaced charger). */
    public record ChargerDiscovered(CondominiumId condominiumId, String chargerUuid, String chargerName, Instant at)
            implements ChargerEvent {}

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
            Instant observedAt)
            implements ChargerEvent {}

    /** A connector entered a fault (status Faulted or an error code). */
    public record ChargerFaulted(
            CondominiumId condominiumId,
            String chargerUuid,
            String chargerName,
            int connectorId,
            String errorCode,
            String errorInfo,
            Instant at)
            implements ChargerEvent {}

    /** The fault of a connector cleared. */
    public record ChargerFaultCleared(
            CondominiumId condominiumId, String chargerUuid, String chargerName, int connectorId, Instant at)
            implements ChargerEvent {}

    /** A connector reports Unavailable. */
    public record ChargerUnavailable(
            CondominiumId condominiumId, String chargerUuid, String chargerName, int connectorId, Instant at)
            implements ChargerEvent {}

    /** The charger's heartbeat went stale. */
    public record ChargerWentOffline(
            CondominiumId condominiumId, String chargerUuid, String chargerName, Instant lastHeartbeatAt, Instant at)
            implements ChargerEvent {}

    /** The charger's heartbeat is fresh again. */
    public record ChargerBackOnline(CondominiumId condominiumId, String chargerUuid, String chargerName, Instant at)
            implements ChargerEvent {}
}
