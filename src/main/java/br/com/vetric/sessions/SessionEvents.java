package br.com.vetric.sessions;

import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.EndReason;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Durable events about charging sessions (Spring Modulith event publication registry). */
public final class SessionEvents {

    private SessionEvents() {}

    /**
     * What happened to the sessions of one condominium in one go (a poll, a tag assigned), in the order it happened:
     * one durable publication per listener instead of one per event, so the work that follows a poll is batched.
     */
    public record SessionsChanged(CondominiumId condominiumId, List<SessionEvent> events) {

        public SessionsChanged {
            events = List.copyOf(events);
        }

        /** The events of one kind, in order. */
        public <T extends SessionEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Something that happened to one charging session. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
    @JsonSubTypes({
        @JsonSubTypes.Type(SessionStarted.class),
        @JsonSubTypes.Type(SessionStateChanged.class),
        @JsonSubTypes.Type(SessionFinished.class),
        @JsonSubTypes.Type(SessionIdentified.class),
        @JsonSubTypes.Type(SessionStuck.class)
    })
    public sealed interface SessionEvent
            permits SessionStarted, SessionStateChanged, SessionFinished, SessionIdentified, SessionStuck {

        CondominiumId condominiumId();

        long sessionId();
    }

    /** A session was opened (by its transaction or by the connector's status, whichever came first). */
    public record SessionStarted(
            CondominiumId condominiumId,
            long sessionId,
            String chargerUuid,
            @Nullable String chargerName,
            int connectorId,
            @Nullable Long residentId,
            @Nullable String idTag,
            SessionStatus status,
            Instant startedAt)
            implements SessionEvent {}

    /** An open session changed state (e.g. CHARGING to SUSPENDED when the car went idle). */
    public record SessionStateChanged(
            CondominiumId condominiumId,
            long sessionId,
            String chargerUuid,
            @Nullable String chargerName,
            int connectorId,
            @Nullable Long residentId,
            SessionStatus previous,
            SessionStatus current,
            @Nullable Instant idleSince,
            Instant at)
            implements SessionEvent {}

    /**
     * A session ended. {@code lastStatus} is its state just before it ended; {@code hadIdle} whether it ever
     * went idle; {@code backfilled} when VETRIC only learnt of it after it had ended.
     */
    public record SessionFinished(
            CondominiumId condominiumId,
            long sessionId,
            String chargerUuid,
            @Nullable String chargerName,
            int connectorId,
            @Nullable Long residentId,
            @Nullable String idTag,
            Instant startedAt,
            Instant endedAt,
            long energyWh,
            @Nullable EndReason endReason,
            SessionStatus lastStatus,
            boolean hadCharged,
            boolean hadIdle,
            boolean backfilled)
            implements SessionEvent {}

    /** A session recorded with an unknown tag now has its resident. */
    public record SessionIdentified(
            CondominiumId condominiumId,
            long sessionId,
            long residentId,
            @Nullable String idTag,
            boolean open) implements SessionEvent {}

    /** A session has been open longer than the stuck threshold and its connector is not Available. */
    public record SessionStuck(
            CondominiumId condominiumId,
            long sessionId,
            String chargerUuid,
            @Nullable String chargerName,
            int connectorId,
            @Nullable Long residentId,
            Instant startedAt,
            Instant at)
            implements SessionEvent {}
}
