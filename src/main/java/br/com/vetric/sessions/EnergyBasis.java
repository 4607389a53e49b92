package br.com.vetric.sessions;

/** How a session's energy was placed in time. */
public enum EnergyBasis {
    /** Over the intervals in which VETRIC saw the car charging. */
    MEASURED,
    /** Over the session's whole duration, idle time included: VETRIC did not watch it live from start to end. */
    SPREAD
}
