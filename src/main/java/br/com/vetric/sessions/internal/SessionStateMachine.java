package br.com.vetric.sessions.internal;

import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.shared.ConnectorStatus;

/**
 * What a connector status means for the session on that connector (the brief's table):
 * Preparing/Occupied → STARTED; Charging → CHARGING; SuspendedEV/SuspendedEVSE → SUSPENDED; Finishing →
 * unchanged; Available → FINISHED; Faulted or an error code → ERROR; Unavailable, Reserved and unknown
 * statuses → unchanged.
 */
public final class SessionStateMachine {

    private SessionStateMachine() {}

    /** The session's next state, or {@code current} when the status says nothing new. */
    public static SessionStatus next(SessionStatus current, ConnectorStatus status, boolean errorCode) {
        if (status == ConnectorStatus.FAULTED || errorCode) {
            return SessionStatus.ERROR;
        }
        return switch (status) {
            case PREPARING, OCCUPIED -> current == null ? SessionStatus.STARTED : current;
            case CHARGING -> SessionStatus.CHARGING;
            case SUSPENDED_EV, SUSPENDED_EVSE -> SessionStatus.SUSPENDED;
            case AVAILABLE -> SessionStatus.FINISHED;
            case FINISHING, RESERVED, UNAVAILABLE, FAULTED, UNKNOWN -> current;
        };
    }

    /** Whether a connector status on a connector with no open session is evidence that a session began. */
    public static boolean opensSession(ConnectorStatus status) {
        return status == ConnectorStatus.PREPARING
                || status == ConnectorStatus.OCCUPIED
                || status == ConnectorStatus.CHARGING;
    }
}
