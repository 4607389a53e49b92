package br.com.vetric.simulator;

/**
 * Static description of one simulated charger (one parking spot).
 *
 * @param chargeBoxPk            CVE-PRO internal primary key
 * @param chargeBoxId            OCPP identity, e.g. {@code VETRIC_DEMO_01}
 * @param uuid                   CVE-PRO uuid (stable key of the charger)
 * @param description            parking spot name, e.g. {@code Garagem 1}
 * @param vendor                 chargePointVendor
 * @param model                  chargePointModel
 * @param fwVersion              firmware version
 * @param powerMax               connector powerMax exactly as CVE-PRO reports it: W (22000), kW (7.4) or null
 * @param connectorType          e.g. {@code Type 2}
 * @param connectors             number of connectors (1..n)
 * @param chargingPowerW         simulated charging power in W (energy grows at this rate while Charging)
 * @param lowerCaseTags          quirk: this charger reports idTags in lower case
 * @param energyNullWhileRunning quirk: {@code energy} is null while the transaction is running
 * @param legacyOccupiedStatus   quirk: reports OCPP 1.5 {@code Occupied} instead of Preparing/Finishing
 */
public record ChargerSpec(
        long chargeBoxPk,
        String chargeBoxId,
        String uuid,
        String description,
        String vendor,
        String model,
        String fwVersion,
        Number powerMax,
        String connectorType,
        int connectors,
        double chargingPowerW,
        boolean lowerCaseTags,
        boolean energyNullWhileRunning,
        boolean legacyOccupiedStatus) {

    public ChargerSpec {
        if (connectors < 1) connectors = 1;
        if (chargingPowerW <= 0) chargingPowerW = 7000;
        if (connectorType == null) connectorType = "Type 2";
    }

    /** A plain 7 kW single-connector charger with no quirks. */
    public static ChargerSpec simple(long pk, String chargeBoxId, String uuid, String description) {
        return new ChargerSpec(
                pk,
                chargeBoxId,
                uuid,
                description,
                "Intelbras",
                "CVE 7",
                "1.0.0",
                7400,
                "Type 2",
                1,
                7000,
                false,
                false,
                false);
    }
}
