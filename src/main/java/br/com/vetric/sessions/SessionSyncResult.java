package br.com.vetric.sessions;

public record SessionSyncResult(int opened, int updated, int closed) {

    public int changes() {
        return opened + updated + closed;
    }
}
