package br.com.vetric.chargers;

/** What one poll changed in the registry. */
public record ChargerSyncResult(int discovered, int updated, int statusChanges) {

    public int changes() {
        return discovered + updated;
    }
}
