package br.com.vetric.sessions.internal;

import br.com.vetric.sessions.SessionStatus;
import java.time.Instant;

/** A session row being reconciled in one cycle; {@code dirty} marks what needs writing. */
public final class SessionState {
    public long id;
    public Long externalTransactionId;
    public String chargerUuid;
    public String chargerName;
    public int connectorId;
    public String idTag;
    public Long tagPk;
    public Long residentId;
    public SessionStatus status;
    public Instant startedAt;
    public Instant endedAt;
    public long energyWh;
    public Long durationSeconds;
    public Instant idleSince;
    public long idleSeconds;
    public boolean hasCharged;
    public boolean hasIdled;
    public Instant stuckSince;
    public String endReason;
    public String unidentifiedReason;
    public String lastErrorCode;
    public boolean dirty;
    public boolean isNew;

    public boolean open() {
        return endedAt == null;
    }

    public String connectorKey() {
        return key(chargerUuid, connectorId);
    }

    public static String key(String chargerUuid, int connectorId) {
        return chargerUuid + "#" + connectorId;
    }
}
