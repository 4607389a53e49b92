package br.com.vetric.sessions;

public enum SessionStatus {
    /** Connector Preparing/Occupied: plugged in, not yet drawing power. */
    STARTED,
    /** Connector Charging. */
    CHARGING,
    /** SuspendedEV/SuspendedEVSE: the car stopped drawing power (idle, usually battery full). */
    SUSPENDED,
    /** Ended. */
    FINISHED,
    /** The charger reported a fault during the session. */
    ERROR
}
