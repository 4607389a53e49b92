package br.com.vetric.shared;

import java.util.Locale;

/**
 * OCPP 1.6 connector status as CVE-PRO reports it, plus {@code Occupied} (an OCPP 1.5 value CVE-PRO still
 * emits). The set is open upstream: anything else maps to {@link #UNKNOWN} and never breaks a cycle.
 */
public enum ConnectorStatus {
    AVAILABLE("Available"),
    PREPARING("Preparing"),
    CHARGING("Charging"),
    SUSPENDED_EV("SuspendedEV"),
    SUSPENDED_EVSE("SuspendedEVSE"),
    FINISHING("Finishing"),
    RESERVED("Reserved"),
    UNAVAILABLE("Unavailable"),
    FAULTED("Faulted"),
    OCCUPIED("Occupied"),
    UNKNOWN("Unknown");

    private final String ocpp;

    ConnectorStatus(String ocpp) {
        this.ocpp = ocpp;
    }

    public String ocpp() {
        return ocpp;
    }

    public boolean isIdle() {
        return this == SUSPENDED_EV || this == SUSPENDED_EVSE;
    }

    public static ConnectorStatus fromOcpp(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (ConnectorStatus s : values()) {
            if (s.ocpp.toLowerCase(Locale.ROOT).equals(v)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** Stored form in the database and the API: the OCPP spelling. */
    @Override
    public String toString() {
        return ocpp;
    }
}
