package br.com.vetric.simulator;

import java.time.Instant;

/** Read-only view of a simulated transaction, for tests (true values, before any wire quirk). */
public record TransactionSnapshot(
        long id,
        String chargeBoxUuid,
        String chargeBoxId,
        int connectorId,
        String idTag,
        long ocppTagPk,
        Instant start,
        Instant stop,
        long energyWh,
        long idleSeconds,
        String stopReason,
        boolean visible) {
    public boolean running() {
        return stop == null;
    }
}
