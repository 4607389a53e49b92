package br.com.vetric.support;

import java.util.List;

/** The OCPP 1.6 codes tests look for (the wire's words, which no person should read on a page). */
public final class OcppCodes {

    /** OCPP 1.6 ChargePointErrorCode, without NoError (which is "no error", never shown). */
    public static final List<String> FAULTS = List.of(
            "ConnectorLockFailure",
            "EVCommunicationError",
            "GroundFailure",
            "HighTemperature",
            "InternalError",
            "LocalListConflict",
            "OtherError",
            "OverCurrentFailure",
            "PowerMeterFailure",
            "PowerSwitchFailure",
            "ReaderFailure",
            "ResetFailure",
            "UnderVoltage",
            "OverVoltage",
            "WeakSignal");

    private OcppCodes() {}
}
