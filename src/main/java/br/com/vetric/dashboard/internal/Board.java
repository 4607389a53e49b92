package br.com.vetric.dashboard.internal;

import br.com.vetric.shared.ConnectorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the monitoring board shows: a counter per state (they partition the chargers: they add up to the number of
 * chargers), one card per charger and, when CVE-PRO is unreachable, how old the data is. {@code builtAt}: the
 * "now" its idle times are counted to.
 */
public record Board(
        Map<State, Long> counts,
        List<Card> cards,
        boolean cpmsDown,
        Instant dataAsOf,
        String cpmsError,
        Instant builtAt) {

    public Board {
        counts = Map.copyOf(counts);
        cards = List.copyOf(cards);
    }

    public long count(State state) {
        return counts.getOrDefault(state, 0L);
    }

    public int total() {
        return cards.size();
    }

    /** The counters shown, in the board's order: every state, except "Indisponível" when no charger is. */
    public List<State> counters() {
        return Arrays.stream(State.values())
                .filter(s -> s != State.UNAVAILABLE || count(s) > 0)
                .toList();
    }

    /**
     * What a charger is doing, as a manager reads it: one word per state, the same on the badges, the counters
     * ({@code state.<NAME>} and {@code state.<NAME>.many} in the shared bundle), the sessions and the charger page.
     */
    public enum State {
        AVAILABLE("primary"),
        CHARGING("success"),
        WAITING("warning"),
        IDLE("info"),
        FAULTED("danger"),
        UNAVAILABLE("dark"),
        OFFLINE("secondary");

        private final String color;

        State(String color) {
            this.color = color;
        }

        public String color() {
            return color;
        }

        public String key() {
            return "state." + name();
        }

        /** The counter's label (plural). */
        public String manyKey() {
            return key() + ".many";
        }

        /**
         * Silent (stale heartbeat) first, then a fault (a Faulted status or any error code), then what the connector
         * says: a car plugged in that does not charge (SuspendedEV/EVSE, Finishing) is idle; one that has not started
         * yet (Preparing, Occupied) is waiting; Unavailable, Reserved and statuses VETRIC does not know are
         * unavailable (not free for everyone, and not silent).
         */
        public static State of(ConnectorStatus status, boolean online, boolean fault) {
            if (!online) {
                return OFFLINE;
            }
            if (fault) {
                return FAULTED;
            }
            return switch (status) {
                case AVAILABLE -> AVAILABLE;
                case CHARGING -> CHARGING;
                case PREPARING, OCCUPIED -> WAITING;
                case SUSPENDED_EV, SUSPENDED_EVSE, FINISHING -> IDLE;
                case FAULTED -> FAULTED;
                case UNAVAILABLE, RESERVED, UNKNOWN -> UNAVAILABLE;
            };
        }
    }

    /**
     * One charger. {@code status} and {@code errorCode} are the charger's own (shown in words, the code only in a
     * title); {@code plugged} is who is at the charger: the open session, or the one that just ended while the car
     * is still plugged in (Finishing), else null; {@code sharedTag}: that session's card charges on another
     * charger at the same time.
     */
    public record Card(
            String uuid,
            String name,
            State state,
            ConnectorStatus status,
            String errorCode,
            Plugged plugged,
            boolean sharedTag,
            Instant updatedAt) {

        public boolean hasSession() {
            return plugged != null;
        }
    }

    /**
     * Who is plugged in at a charger and since when. {@code residentName} is null when the session's tag belongs to
     * nobody ({@code tag} then says which). {@code idleSince}: since when the car has not been charging (the
     * session went idle, or it ended with the car still plugged in), null while it charges.
     */
    public record Plugged(
            long sessionId,
            boolean open,
            String residentName,
            String apartment,
            String tag,
            Instant startedAt,
            long energyWh,
            boolean energyPending,
            Instant idleSince,
            Idle idle) {

        public boolean identified() {
            return residentName != null;
        }

        /** Seconds the car has been idle at {@code now} (0 while it charges). */
        public long idleSeconds(Instant now) {
            return idleSince == null || now.isBefore(idleSince)
                    ? 0
                    : Duration.between(idleSince, now).toSeconds();
        }

        /** The idle line's message key ({@code board.idle.FULL}: "carregado há 1 h 20 min, ainda conectado"). */
        public String idleKey() {
            return idle == null ? null : "board.idle." + idle.name();
        }
    }

    /** Why a plugged-in car is not charging. */
    public enum Idle {
        /** The car stopped taking energy (SuspendedEV): usually a full battery. */
        FULL,
        /** The charger paused the charge (SuspendedEVSE). */
        PAUSED,
        /** The session ended (stopped, at the charger or remotely) and the car is still plugged in. */
        ENDED
    }
}
