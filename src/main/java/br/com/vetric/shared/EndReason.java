package br.com.vetric.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a charging session ended: what the charger reported (the OCPP stop reasons, mapped by the adapter that
 * reads the charger's system) or what VETRIC concluded from what it saw. Stored by name; people read it from the
 * message bundle ({@code endReason.<NAME>}).
 */
public enum EndReason {
    // reported by the charger
    EV_DISCONNECTED,
    LOCAL,
    REMOTE,
    POWER_LOSS,
    REBOOT,
    EMERGENCY_STOP,
    HARD_RESET,
    SOFT_RESET,
    UNLOCK_COMMAND,
    DE_AUTHORIZED,
    /** The charger gave a reason VETRIC does not know, or "Other". */
    OTHER,
    // concluded by VETRIC
    /** The connector went back to Available after the session began. */
    CONNECTOR_AVAILABLE,
    /** A newer transaction started on the same connector while this one was still open. */
    SUPERSEDED,
    /** Open longer than the stuck threshold, and its connector is Available. */
    STUCK_CONNECTOR_AVAILABLE;

    private static final Set<EndReason> ABNORMAL =
            EnumSet.of(EMERGENCY_STOP, POWER_LOSS, HARD_RESET, SOFT_RESET, REBOOT);

    /** The charge was cut (power, reset, emergency), whatever the state of the car. */
    public boolean abnormal() {
        return ABNORMAL.contains(this);
    }
}
