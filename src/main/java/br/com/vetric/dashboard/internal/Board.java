package br.com.vetric.dashboard.internal;

import java.time.Instant;
import java.util.List;

/**
 * What the monitoring board shows: the counters, one card per charger and, when CVE-PRO is unreachable, how
 * old the data is.
 */
public record Board(
        long charging,
        long waiting,
        long idle,
        long faulted,
        long offline,
        long available,
        List<Card> cards,
        boolean cpmsDown,
        Instant dataAsOf,
        String cpmsError) {

    /** The board groups OCPP statuses into what a manager cares about. */
    public enum State {
        CHARGING("success"),
        WAITING("warning"),
        IDLE("info"),
        FAULTED("danger"),
        OFFLINE("secondary"),
        AVAILABLE("primary");

        private final String color;

        State(String color) {
            this.color = color;
        }

        public String color() {
            return color;
        }

        public String key() {
            return "board.state." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One charger. {@code residentName} is null when the session's tag belongs to nobody ({@code tag} then
     * says which); {@code sessionStartedAt} is null when no session is open.
     */
    public record Card(
            String uuid,
            String name,
            State state,
            String ocppStatus,
            String errorCode,
            Long sessionId,
            String residentName,
            String apartment,
            String tag,
            Instant sessionStartedAt,
            long energyWh,
            Instant updatedAt) {

        public boolean hasSession() {
            return sessionStartedAt != null;
        }

        public boolean identified() {
            return residentName != null;
        }
    }
}
