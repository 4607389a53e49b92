package br.com.vetric.sessions.internal;

import br.com.vetric.cpms.ConnectorSnapshot;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.sessions.SessionEvents.SessionEvent;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionIdentified;
import br.com.vetric.sessions.SessionEvents.SessionStarted;
import br.com.vetric.sessions.SessionEvents.SessionStateChanged;
import br.com.vetric.sessions.SessionEvents.SessionStuck;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.UnidentifiedReason;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One charging session and its rules. Every change goes through a method that says what happened (open, adopt a
 * transaction, apply a transaction or a connector status, go idle, resume, flag stuck, close) and returns the events
 * to publish; the session remembers whether it needs writing and which charging intervals it closed.
 *
 * <p>Charging intervals: while the session is CHARGING and VETRIC watches it live, {@code chargingSince} holds the
 * start of the current interval; when charging stops (idle, fault, end) the interval is closed and kept. A session
 * VETRIC did not watch from its start, or stopped watching for a while (an outage), is not {@code observedLive}:
 * its energy is then spread over its whole duration.
 */
public final class Session {

    private static final Logger log = LoggerFactory.getLogger(Session.class);

    private final CondominiumId condominiumId;
    private final long id;
    private @Nullable Long transactionId;
    private final String chargerUuid;
    private @Nullable String chargerName;
    private final int connectorId;
    private @Nullable String idTag;
    private @Nullable Long tagPk;
    private @Nullable Long residentId;
    private @Nullable UnidentifiedReason unidentifiedReason;
    private SessionStatus status;
    private Instant startedAt;
    private @Nullable Instant endedAt;
    private long energyWh;
    private @Nullable Long durationSeconds;
    private @Nullable Instant idleSince;
    private long idleSeconds;
    private boolean hasCharged;
    private boolean hasIdled;
    private @Nullable Instant stuckSince;
    private @Nullable EndReason endReason;
    private @Nullable String lastErrorCode;
    private @Nullable Instant chargingSince;
    private boolean observedLive;
    private boolean energyPending;

    private boolean isNew;
    private boolean dirty;
    private final List<ChargingInterval> closedIntervals = new ArrayList<>();

    Session(
            CondominiumId condominiumId,
            long id,
            Long transactionId,
            String chargerUuid,
            String chargerName,
            int connectorId,
            String idTag,
            Long tagPk,
            Long residentId,
            UnidentifiedReason unidentifiedReason,
            SessionStatus status,
            Instant startedAt,
            Instant endedAt,
            long energyWh,
            Long durationSeconds,
            Instant idleSince,
            long idleSeconds,
            boolean hasCharged,
            boolean hasIdled,
            Instant stuckSince,
            EndReason endReason,
            String lastErrorCode,
            Instant chargingSince,
            boolean observedLive,
            boolean energyPending) {
        this.condominiumId = condominiumId;
        this.id = id;
        this.transactionId = transactionId;
        this.chargerUuid = chargerUuid;
        this.chargerName = chargerName;
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.tagPk = tagPk;
        this.residentId = residentId;
        this.unidentifiedReason = unidentifiedReason;
        this.status = status;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.energyWh = energyWh;
        this.durationSeconds = durationSeconds;
        this.idleSince = idleSince;
        this.idleSeconds = idleSeconds;
        this.hasCharged = hasCharged;
        this.hasIdled = hasIdled;
        this.stuckSince = stuckSince;
        this.endReason = endReason;
        this.lastErrorCode = lastErrorCode;
        this.chargingSince = chargingSince;
        this.observedLive = observedLive;
        this.energyPending = energyPending;
    }

    /** Who a transaction's tag belongs to, as {@link TagResolver} worked it out. */
    public record Who(
            @Nullable String tag,
            @Nullable Long residentId,
            @Nullable UnidentifiedReason reason) {}

    // ------------------------------------------------------------------ opening

    /**
     * A session opened by a CVE-PRO transaction. A transaction that has already stopped is recorded after the fact
     * ({@code backfilled}); a running one starts in the state its connector shows.
     *
     * @param live whether VETRIC is watching this session from its start (its charging intervals will be measured)
     */
    static Session fromTransaction(
            CondominiumId condo,
            long id,
            TransactionSnapshot tx,
            Who who,
            String chargerName,
            ConnectorSnapshot connector,
            Instant now,
            boolean live,
            List<SessionEvent> events) {
        Session s = new Session(
                condo,
                id,
                tx.id(),
                tx.chargeBoxUuid(),
                chargerName,
                tx.connectorId(),
                who.tag(),
                tx.tagPk(),
                who.residentId(),
                who.residentId() == null ? who.reason() : null,
                SessionStatus.STARTED,
                tx.startedAt(),
                null,
                tx.energyWh() == null ? 0 : tx.energyWh(),
                null,
                null,
                tx.idleDurationSeconds() == null ? 0 : tx.idleDurationSeconds(),
                false,
                false,
                null,
                null,
                null,
                null,
                false,
                tx.running() && tx.energyWh() == null);
        s.isNew = true;
        s.hasIdled = s.idleSeconds > 0;
        if (tx.running()) {
            SessionStatus initial =
                    connector == null ? null : SessionStateMachine.next(null, connector.status(), connector.hasError());
            s.status = initial == null || initial == SessionStatus.FINISHED ? SessionStatus.STARTED : initial;
            s.hasCharged = s.status == SessionStatus.CHARGING || s.energyWh > 0;
            s.observedLive = live;
            if (s.status == SessionStatus.SUSPENDED) {
                s.idleSince =
                        connector.statusAt() != null && !connector.statusAt().isAfter(now) ? connector.statusAt() : now;
                s.hasIdled = true;
                // idleSeconds keeps the finished idle phases; the current one is counted from idleSince
                s.idleSeconds = Math.max(
                        0, s.idleSeconds - Duration.between(s.idleSince, now).toSeconds());
            } else if (s.status == SessionStatus.CHARGING && live) {
                Instant since = connector.statusAt();
                s.chargingSince =
                        since == null || since.isBefore(s.startedAt) || since.isAfter(now) ? s.startedAt : since;
            }
            log.info(
                    "Session {} started on {} (transaction {}, resident {})",
                    id,
                    s.connectorKey(),
                    tx.id(),
                    s.residentId);
            events.add(new SessionStarted(
                    condo,
                    id,
                    s.chargerUuid,
                    s.chargerName,
                    s.connectorId,
                    s.residentId,
                    s.idTag,
                    s.status,
                    s.startedAt));
        } else {
            s.status = SessionStatus.FINISHED;
            s.endedAt = tx.stoppedAt();
            s.endReason = tx.stopReason();
            s.hasCharged = s.energyWh > 0;
            s.durationSeconds = tx.durationSeconds() != null
                    ? tx.durationSeconds()
                    : Duration.between(s.startedAt, s.endedAt).toSeconds();
            log.info("Session {} recorded after the fact (transaction {} already stopped)", id, tx.id());
            events.add(s.finished(s.status, true));
        }
        return s;
    }

    /** A session opened because a connector with no open session shows it is in use; its transaction comes later. */
    static Session fromStatus(
            CondominiumId condo,
            long id,
            String chargerUuid,
            String chargerName,
            ConnectorSnapshot connector,
            Instant statusAt,
            boolean live,
            List<SessionEvent> events) {
        SessionStatus status = SessionStateMachine.next(null, connector.status(), false);
        Session s = new Session(
                condo,
                id,
                null,
                chargerUuid,
                chargerName,
                connector.connectorId(),
                null,
                null,
                null,
                UnidentifiedReason.TRANSACTION_PENDING,
                status,
                statusAt,
                null,
                0,
                null,
                null,
                0,
                status == SessionStatus.CHARGING,
                false,
                null,
                null,
                null,
                status == SessionStatus.CHARGING && live ? statusAt : null,
                live,
                false);
        s.isNew = true;
        log.info(
                "Session {} started on {} from the connector status {} (no transaction yet)",
                id,
                s.connectorKey(),
                connector.status());
        events.add(
                new SessionStarted(condo, id, chargerUuid, chargerName, s.connectorId, null, null, status, statusAt));
        return s;
    }

    // ------------------------------------------------------------------ the transaction

    /**
     * Whether this session, opened by the connector's status, is the one a transaction on the same connector
     * describes: it has no transaction yet, and the transaction is running or stopped no earlier than two minutes
     * before the session began.
     */
    boolean canAdopt(TransactionSnapshot tx) {
        return transactionId == null
                && open()
                && (tx.running() || !tx.stoppedAt().isBefore(startedAt.minus(Duration.ofMinutes(2))));
    }

    /** The transaction that CVE-PRO reported later takes over this status-path session (one session, one start). */
    void adopt(TransactionSnapshot tx, Instant now) {
        transactionId = tx.id();
        if (tx.startedAt().isBefore(now)) {
            startedAt = tx.startedAt();
            if (chargingSince != null && chargingSince.isBefore(startedAt)) {
                chargingSince = startedAt;
            }
        }
        dirty = true;
    }

    /** Applies what the transaction says: tag, resident, energy, idle time, start, and its end. */
    void applyTransaction(TransactionSnapshot tx, Who who, Instant now, List<SessionEvent> events) {
        if (idTag == null && who.tag() != null) {
            idTag = who.tag();
            dirty = true;
        }
        if (tagPk == null && tx.tagPk() != null) {
            tagPk = tx.tagPk();
            dirty = true;
        }
        if (residentId == null && who.residentId() != null) {
            residentId = who.residentId();
            unidentifiedReason = null;
            dirty = true;
            if (!isNew) {
                log.info("Session {} identified: resident {}", id, residentId);
                events.add(new SessionIdentified(condominiumId, id, residentId, idTag, open()));
            }
        } else if (residentId == null && who.reason() != unidentifiedReason) {
            unidentifiedReason = who.reason();
            dirty = true;
        }
        boolean pending = tx.running() && tx.energyWh() == null;
        if (pending != energyPending) {
            energyPending = pending;
            dirty = true;
        }
        if (tx.energyWh() != null && tx.energyWh() != energyWh) {
            energyWh = tx.energyWh();
            hasCharged |= energyWh > 0;
            dirty = true;
        }
        Long txIdle = tx.idleDurationSeconds();
        if (txIdle != null && txIdle != idleSeconds && !isNew) {
            long grewBy = txIdle - idleSeconds;
            hasIdled |= txIdle > 0;
            if (grewBy > 0 && open() && status == SessionStatus.CHARGING && tx.running()) {
                // REST has no power reading: a growing idleDuration is the other sign that the car went idle
                goIdle(now.minusSeconds(grewBy), now, events);
            } else if (open() && status == SessionStatus.SUSPENDED && tx.running()) {
                // the current idle phase is counted from idleSince; its growing total is not worth a write
            } else {
                idleSeconds = txIdle;
                dirty = true;
            }
        }
        if (!tx.startedAt().equals(startedAt)
                && (endedAt == null || !tx.startedAt().isAfter(endedAt))) {
            startedAt = tx.startedAt();
            dirty = true;
        }
        if (!tx.running()) {
            if (open()) {
                close(tx.stoppedAt(), tx.stopReason(), tx.durationSeconds(), tx.idleDurationSeconds(), events);
            } else if (!tx.stoppedAt().equals(endedAt) || (tx.stopReason() != null && tx.stopReason() != endReason)) {
                // the charger's own stop time and reason beat what the status path guessed
                endedAt = tx.stoppedAt().isBefore(startedAt) ? startedAt : tx.stoppedAt();
                if (tx.stopReason() != null) {
                    endReason = tx.stopReason();
                }
                durationSeconds = tx.durationSeconds() != null
                        ? tx.durationSeconds()
                        : Duration.between(startedAt, endedAt).toSeconds();
                dirty = true;
            } else if (tx.durationSeconds() != null && !tx.durationSeconds().equals(durationSeconds)) {
                durationSeconds = tx.durationSeconds();
                dirty = true;
            }
        }
    }

    // ------------------------------------------------------------------ the connector's status

    /**
     * Applies the connector's current status to this open session: Available (after the session began) closes it;
     * otherwise the state machine decides the next state. A Charging status older than the idle evidence is stale.
     */
    void applyStatus(ConnectorSnapshot c, Instant statusAt, Instant now, List<SessionEvent> events) {
        if (c.status() == ConnectorStatus.AVAILABLE) {
            if (c.statusAt() == null || !c.statusAt().isBefore(startedAt)) {
                close(statusAt, endReason != null ? endReason : EndReason.CONNECTOR_AVAILABLE, null, null, events);
            }
            return;
        }
        SessionStatus next = SessionStateMachine.next(status, c.status(), c.hasError());
        if (next == SessionStatus.CHARGING
                && status == SessionStatus.SUSPENDED
                && idleSince != null
                && c.statusAt() != null
                && c.statusAt().isBefore(idleSince)) {
            return;
        }
        if (next == null || next == status || next == SessionStatus.FINISHED) {
            return;
        }
        switch (next) {
            case SUSPENDED -> goIdle(statusAt, now, events);
            case CHARGING -> resume(statusAt, now, events);
            case ERROR -> fault(c.errorCode() != null ? c.errorCode() : c.rawStatus(), statusAt, events);
            default -> changeState(next, statusAt, events);
        }
    }

    /** The car stopped drawing power (SuspendedEV/SuspendedEVSE, or a growing idle count). */
    void goIdle(Instant since, Instant now, List<SessionEvent> events) {
        closeChargingInterval(since);
        idleSince = since;
        hasIdled = true;
        changeState(SessionStatus.SUSPENDED, since.isAfter(now) ? now : since, events);
    }

    /** The car draws power (again). */
    void resume(Instant at, Instant now, List<SessionEvent> events) {
        if (status == SessionStatus.SUSPENDED && idleSince != null && at.isAfter(idleSince)) {
            idleSeconds += Duration.between(idleSince, at).toSeconds();
        }
        idleSince = null;
        hasCharged = true;
        if (observedLive && chargingSince == null) {
            chargingSince = at.isAfter(now) ? now : at;
        }
        changeState(SessionStatus.CHARGING, at, events);
    }

    private void fault(String errorCode, Instant at, List<SessionEvent> events) {
        closeChargingInterval(at);
        lastErrorCode = errorCode;
        changeState(SessionStatus.ERROR, at, events);
    }

    private void changeState(SessionStatus next, Instant at, List<SessionEvent> events) {
        SessionStatus previous = status;
        status = next;
        dirty = true;
        log.info("Session {} on {}: {} -> {}", id, connectorKey(), previous, next);
        events.add(new SessionStateChanged(
                condominiumId, id, chargerUuid, chargerName, connectorId, residentId, previous, next, idleSince, at));
    }

    // ------------------------------------------------------------------ watching

    /** VETRIC was not watching for a while: the charging intervals of this session can no longer be trusted. */
    void lostSight() {
        if (observedLive && open()) {
            observedLive = false;
            chargingSince = null;
            dirty = true;
            log.info(
                    "Session {} on {}: not watched continuously, its energy will be spread over its duration",
                    id,
                    connectorKey());
        }
    }

    /**
     * Open longer than the stuck threshold: closed if its connector is Available, otherwise flagged once.
     *
     * @param connector the connector as the poll shows it (null when the poll does not list it)
     */
    void checkStuck(ConnectorSnapshot connector, Instant now, List<SessionEvent> events) {
        if (connector != null && connector.status() == ConnectorStatus.AVAILABLE) {
            log.warn("Stuck session {} closed: connector {} is Available", id, connectorKey());
            Instant at = connector.statusAt() != null
                            && connector.statusAt().isAfter(startedAt)
                            && !connector.statusAt().isAfter(now)
                    ? connector.statusAt()
                    : now;
            close(at, EndReason.STUCK_CONNECTOR_AVAILABLE, null, null, events);
        } else if (stuckSince == null) {
            stuckSince = now;
            dirty = true;
            log.warn("Session {} on {} open since {}: flagged as stuck", id, connectorKey(), startedAt);
            events.add(new SessionStuck(
                    condominiumId, id, chargerUuid, chargerName, connectorId, residentId, startedAt, now));
        }
    }

    // ------------------------------------------------------------------ the end

    /**
     * Ends the session at {@code at} (never before it began). A session that ended faulted keeps ERROR. A session
     * that never had a transaction and no resident is explained as such.
     *
     * @param reportedDuration the transaction's duration, when it gave one
     * @param reportedIdle     the transaction's idle count, when it gave one (it wins over VETRIC's own count)
     */
    void close(Instant at, EndReason reason, Long reportedDuration, Long reportedIdle, List<SessionEvent> events) {
        SessionStatus lastStatus = status;
        endedAt = at.isBefore(startedAt) ? startedAt : at;
        closeChargingInterval(endedAt);
        if (reportedIdle != null) {
            idleSeconds = reportedIdle;
        } else if (status == SessionStatus.SUSPENDED && idleSince != null && endedAt.isAfter(idleSince)) {
            idleSeconds += Duration.between(idleSince, endedAt).toSeconds();
        }
        status = status == SessionStatus.ERROR ? SessionStatus.ERROR : SessionStatus.FINISHED;
        energyPending = false;
        endReason = reason;
        if (transactionId == null && residentId == null) {
            unidentifiedReason = UnidentifiedReason.NO_TRANSACTION;
        }
        durationSeconds = reportedDuration != null && transactionId != null
                ? reportedDuration
                : Duration.between(startedAt, endedAt).toSeconds();
        dirty = true;
        log.info("Session {} on {} ended at {} ({}), {} Wh", id, connectorKey(), endedAt, reason, energyWh);
        events.add(finished(lastStatus, false));
    }

    private SessionFinished finished(SessionStatus lastStatus, boolean backfilled) {
        return new SessionFinished(
                condominiumId,
                id,
                chargerUuid,
                chargerName,
                connectorId,
                residentId,
                idTag,
                startedAt,
                endedAt,
                energyWh,
                endReason,
                lastStatus,
                hasCharged,
                hasIdled,
                backfilled);
    }

    private void closeChargingInterval(Instant at) {
        if (chargingSince != null) {
            Instant end = at.isBefore(chargingSince) ? chargingSince : at;
            closedIntervals.add(new ChargingInterval(chargingSince, end));
            chargingSince = null;
            dirty = true;
        }
    }

    // ------------------------------------------------------------------ reading

    /** Idle seconds so far: the recorded count plus the current idle phase, if any. */
    public long idleSeconds(Instant now) {
        if (open() && status == SessionStatus.SUSPENDED && idleSince != null && now.isAfter(idleSince)) {
            return idleSeconds + Duration.between(idleSince, now).toSeconds();
        }
        return idleSeconds;
    }

    public boolean open() {
        return endedAt == null;
    }

    public String connectorKey() {
        return key(chargerUuid, connectorId);
    }

    public static String key(String chargerUuid, int connectorId) {
        return chargerUuid + "#" + connectorId;
    }

    /** Whether the poll must write this session: new, or changed since it was loaded. */
    boolean needsWriting() {
        return isNew || dirty;
    }

    boolean isNew() {
        return isNew;
    }

    /** Charging intervals that ended since the session was loaded; they are written once, with the session. */
    List<ChargingInterval> closedIntervals() {
        return closedIntervals;
    }

    /** After the write: nothing left to save. */
    void saved() {
        isNew = false;
        dirty = false;
        closedIntervals.clear();
    }

    public CondominiumId condominiumId() {
        return condominiumId;
    }

    public long id() {
        return id;
    }

    public @Nullable Long transactionId() {
        return transactionId;
    }

    public String chargerUuid() {
        return chargerUuid;
    }

    public @Nullable String chargerName() {
        return chargerName;
    }

    public int connectorId() {
        return connectorId;
    }

    public @Nullable String idTag() {
        return idTag;
    }

    public @Nullable Long tagPk() {
        return tagPk;
    }

    public @Nullable Long residentId() {
        return residentId;
    }

    public @Nullable UnidentifiedReason unidentifiedReason() {
        return unidentifiedReason;
    }

    public SessionStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant endedAt() {
        return endedAt;
    }

    public long energyWh() {
        return energyWh;
    }

    public @Nullable Long durationSeconds() {
        return durationSeconds;
    }

    public @Nullable Instant idleSince() {
        return idleSince;
    }

    public long recordedIdleSeconds() {
        return idleSeconds;
    }

    public boolean hasCharged() {
        return hasCharged;
    }

    public boolean hasIdled() {
        return hasIdled;
    }

    public @Nullable Instant stuckSince() {
        return stuckSince;
    }

    public @Nullable EndReason endReason() {
        return endReason;
    }

    public @Nullable String lastErrorCode() {
        return lastErrorCode;
    }

    public @Nullable Instant chargingSince() {
        return chargingSince;
    }

    public boolean observedLive() {
        return observedLive;
    }

    /** The charger reports this session's energy only when it ends (none is known yet). */
    public boolean energyPending() {
        return energyPending && open();
    }

    @Override
    public String toString() {
        return "Session[id=" + id + ", " + connectorKey() + ", " + status + "]";
    }
}
