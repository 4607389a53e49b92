package br.com.vetric.sessions;

import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.ConnectorSnapshot;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionIdentified;
import br.com.vetric.sessions.SessionEvents.SessionStarted;
import br.com.vetric.sessions.SessionEvents.SessionStateChanged;
import br.com.vetric.sessions.SessionEvents.SessionStuck;
import br.com.vetric.sessions.internal.SessionRepository;
import br.com.vetric.sessions.internal.SessionState;
import br.com.vetric.sessions.internal.SessionStateMachine;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one complete CVE-PRO poll into session changes. Rules (see field-lessons.md):
 * <ul>
 *   <li>a session is keyed by its transaction id; the status path may open it first, and the transaction then
 *       adopts it, so whichever path comes first there is one session and one {@link SessionStarted};</li>
 *   <li>start, end, energy and end reason come from the transaction whenever present;</li>
 *   <li>a session closes only on positive evidence: the transaction stopped, or the connector is Available with
 *       a status time after the session began;</li>
 *   <li>sessions open longer than {@code stuckAfter} are re-checked: closed when their connector is Available,
 *       flagged as stuck otherwise.</li>
 * </ul>
 * Runs inside the sync cycle's transaction: a crash leaves the previous state intact.
 */
@Service
public class SessionTracker {

    private static final Logger log = LoggerFactory.getLogger(SessionTracker.class);
    private static final Duration RECENT = Duration.ofHours(48);

    private final SessionRepository repository;
    private final SessionProperties props;
    private final ApplicationEventPublisher events;

    SessionTracker(SessionRepository repository, SessionProperties props, ApplicationEventPublisher events) {
        this.repository = repository;
        this.props = props;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public SessionSyncResult reconcile(CondominiumId condo, List<ChargePointSnapshot> chargers,
                                       List<ResolvedTransaction> transactions, Instant now) {
        Cycle cycle = new Cycle(condo, now, chargers, transactions);
        transactions.stream()
                .sorted(Comparator.comparing((ResolvedTransaction r) -> r.transaction().startedAt())
                        .thenComparingLong(r -> r.transaction().id()))
                .forEach(cycle::transaction);
        for (ChargePointSnapshot cp : chargers) {
            for (ConnectorSnapshot c : cp.connectors()) {
                cycle.status(cp, c);
            }
        }
        cycle.stuck();
        List<SessionState> dirty = cycle.working.stream().filter(s -> s.dirty).toList();
        repository.update(condo, dirty);
        return new SessionSyncResult(cycle.opened, dirty.size(), cycle.closed);
    }

    /** State of one reconciliation. */
    private final class Cycle {
        final CondominiumId condo;
        final Instant now;
        final List<SessionState> working;
        final Map<Long, SessionState> byTx = new HashMap<>();
        final Map<String, SessionState> openByConnector = new HashMap<>();
        final Map<String, Instant> lastEndByConnector = new HashMap<>();
        final Map<String, ConnectorSnapshot> connectors = new HashMap<>();
        final Map<String, String> chargerNames = new HashMap<>();
        int opened;
        int closed;

        Cycle(CondominiumId condo, Instant now, List<ChargePointSnapshot> chargers, List<ResolvedTransaction> txs) {
            this.condo = condo;
            this.now = now;
            Long[] ids = txs.stream().map(r -> r.transaction().id()).toArray(Long[]::new);
            this.working = new ArrayList<>(repository.loadWorkingSet(condo, ids, now.minus(RECENT)));
            for (SessionState s : working) {
                if (s.externalTransactionId != null) {
                    byTx.put(s.externalTransactionId, s);
                }
                if (s.open()) {
                    openByConnector.put(s.connectorKey(), s);
                } else {
                    lastEndByConnector.merge(s.connectorKey(), s.endedAt, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            for (ChargePointSnapshot cp : chargers) {
                chargerNames.put(cp.uuid(), cp.displayName());
                for (ConnectorSnapshot c : cp.connectors()) {
                    connectors.put(SessionState.key(cp.uuid(), c.connectorId()), c);
                }
            }
        }

        void transaction(ResolvedTransaction rt) {
            TransactionSnapshot tx = rt.transaction();
            String key = SessionState.key(tx.chargeBoxUuid(), tx.connectorId());
            SessionState s = byTx.get(tx.id());
            if (s == null) {
                SessionState open = openByConnector.get(key);
                if (open != null && open.externalTransactionId == null
                        && (tx.running() || !tx.stoppedAt().isBefore(open.startedAt.minus(Duration.ofMinutes(2))))) {
                    s = open; // opened by the status path: the transaction adopts it
                    s.externalTransactionId = tx.id();
                    s.startedAt = tx.startedAt().isBefore(now) ? tx.startedAt() : s.startedAt;
                    s.dirty = true;
                    byTx.put(tx.id(), s);
                } else if (open != null && tx.running()) {
                    if (open.externalTransactionId != null && tx.startedAt().isAfter(open.startedAt)) {
                        log.warn("Transaction {} started on {} while session {} (transaction {}) was still open: closing it",
                                tx.id(), key, open.id, open.externalTransactionId);
                        close(open, tx.startedAt(), "Superseded");
                    } else {
                        log.warn("Ignoring running transaction {} on {}: session {} is open there", tx.id(), key, open.id);
                        return;
                    }
                }
                if (s == null) {
                    s = create(rt, key);
                    if (s == null) {
                        return;
                    }
                }
            }
            apply(s, rt);
        }

        SessionState create(ResolvedTransaction rt, String key) {
            TransactionSnapshot tx = rt.transaction();
            SessionState s = new SessionState();
            s.externalTransactionId = tx.id();
            s.chargerUuid = tx.chargeBoxUuid();
            s.chargerName = chargerNames.get(tx.chargeBoxUuid());
            s.connectorId = tx.connectorId();
            s.idTag = rt.tag();
            s.tagPk = tx.tagPk();
            s.residentId = rt.residentId();
            s.unidentifiedReason = s.residentId == null ? unidentifiedReason(rt) : null;
            s.startedAt = tx.startedAt();
            s.energyWh = tx.energyWh() == null ? 0 : tx.energyWh();
            s.durationSeconds = tx.durationSeconds();
            s.idleSeconds = tx.idleDurationSeconds() == null ? 0 : tx.idleDurationSeconds();
            s.hasIdled = s.idleSeconds > 0;
            ConnectorSnapshot c = connectors.get(key);
            if (tx.running()) {
                SessionStatus initial = c == null ? null
                        : SessionStateMachine.next(null, c.status(), c.hasError());
                s.status = initial == null || initial == SessionStatus.FINISHED ? SessionStatus.STARTED : initial;
                s.hasCharged = s.status == SessionStatus.CHARGING || s.energyWh > 0;
                if (s.status == SessionStatus.SUSPENDED) {
                    s.idleSince = c.statusAt() != null ? c.statusAt() : now;
                    s.hasIdled = true;
                }
            } else {
                s.status = SessionStatus.FINISHED;
                s.endedAt = tx.stoppedAt();
                s.endReason = tx.stopReason();
                s.hasCharged = s.energyWh > 0;
                if (s.durationSeconds == null) {
                    s.durationSeconds = Duration.between(s.startedAt, s.endedAt).toSeconds();
                }
            }
            s.isNew = true;
            s.id = repository.insert(condo, s);
            working.add(s);
            byTx.put(tx.id(), s);
            opened++;
            if (s.open()) {
                openByConnector.put(key, s);
                log.info("Session {} started on {} (transaction {}, resident {})", s.id, key, tx.id(), s.residentId);
                events.publishEvent(new SessionStarted(condo, s.id, s.chargerUuid, s.chargerName, s.connectorId,
                        s.residentId, s.idTag, s.status, s.startedAt));
            } else {
                lastEndByConnector.merge(key, s.endedAt, (a, b) -> a.isAfter(b) ? a : b);
                log.info("Session {} recorded after the fact (transaction {} already stopped)", s.id, tx.id());
                events.publishEvent(finished(s, s.status, true));
            }
            return s;
        }

        void apply(SessionState s, ResolvedTransaction rt) {
            TransactionSnapshot tx = rt.transaction();
            if (s.idTag == null && rt.tag() != null) {
                s.idTag = rt.tag();
                s.dirty = true;
            }
            if (s.tagPk == null && tx.tagPk() != null) {
                s.tagPk = tx.tagPk();
                s.dirty = true;
            }
            if (s.residentId == null && rt.residentId() != null) {
                s.residentId = rt.residentId();
                s.unidentifiedReason = null;
                s.dirty = true;
                if (!s.isNew) {
                    log.info("Session {} identified: resident {}", s.id, s.residentId);
                    events.publishEvent(new SessionIdentified(condo, s.id, s.residentId, s.idTag, s.open()));
                }
            } else if (s.residentId == null) {
                String reason = unidentifiedReason(rt);
                if (!Objects.equals(reason, s.unidentifiedReason)) {
                    s.unidentifiedReason = reason;
                    s.dirty = true;
                }
            }
            if (tx.energyWh() != null && tx.energyWh() != s.energyWh) {
                s.energyWh = tx.energyWh();
                s.hasCharged |= s.energyWh > 0;
                s.dirty = true;
            }
            if (tx.durationSeconds() != null && !tx.durationSeconds().equals(s.durationSeconds)) {
                s.durationSeconds = tx.durationSeconds();
                s.dirty = true;
            }
            if (tx.idleDurationSeconds() != null && tx.idleDurationSeconds() != s.idleSeconds) {
                long grewBy = tx.idleDurationSeconds() - s.idleSeconds;
                s.idleSeconds = tx.idleDurationSeconds();
                s.hasIdled |= s.idleSeconds > 0;
                s.dirty = true;
                if (grewBy > 0 && s.open() && !s.isNew && s.status == SessionStatus.CHARGING && tx.running()) {
                    // REST has no power reading: a growing idleDuration is the other sign that the car went idle
                    idle(s, now.minusSeconds(grewBy));
                }
            }
            if (!tx.startedAt().equals(s.startedAt) && (s.endedAt == null || !tx.startedAt().isAfter(s.endedAt))) {
                s.startedAt = tx.startedAt();
                s.dirty = true;
            }
            if (!tx.running()) {
                if (s.open()) {
                    close(s, tx.stoppedAt(), tx.stopReason());
                } else if (!tx.stoppedAt().equals(s.endedAt) || (tx.stopReason() != null && !tx.stopReason().equals(s.endReason))) {
                    // the charger's own stop time and reason beat what the status path guessed
                    s.endedAt = tx.stoppedAt().isBefore(s.startedAt) ? s.startedAt : tx.stoppedAt();
                    if (tx.stopReason() != null) {
                        s.endReason = tx.stopReason();
                    }
                    if (tx.durationSeconds() == null) {
                        s.durationSeconds = Duration.between(s.startedAt, s.endedAt).toSeconds();
                    }
                    s.dirty = true;
                }
            }
        }

        void status(ChargePointSnapshot cp, ConnectorSnapshot c) {
            String key = SessionState.key(cp.uuid(), c.connectorId());
            SessionState open = openByConnector.get(key);
            Instant statusAt = c.statusAt() == null || c.statusAt().isAfter(now) ? now : c.statusAt();
            if (open == null) {
                if (!SessionStateMachine.opensSession(c.status()) || c.hasError()) {
                    return;
                }
                Instant lastEnd = lastEndByConnector.get(key);
                if (lastEnd != null && !statusAt.isAfter(lastEnd)) {
                    return; // the status predates the end of the last session: not a new one
                }
                SessionState s = new SessionState();
                s.chargerUuid = cp.uuid();
                s.chargerName = cp.displayName();
                s.connectorId = c.connectorId();
                s.status = SessionStateMachine.next(null, c.status(), false);
                s.startedAt = statusAt;
                s.hasCharged = s.status == SessionStatus.CHARGING;
                s.unidentifiedReason = "CVE-PRO has not reported the transaction yet";
                s.isNew = true;
                s.id = repository.insert(condo, s);
                working.add(s);
                openByConnector.put(key, s);
                opened++;
                log.info("Session {} started on {} from the connector status {} (no transaction yet)", s.id, key, c.status());
                events.publishEvent(new SessionStarted(condo, s.id, s.chargerUuid, s.chargerName, s.connectorId, null,
                        null, s.status, s.startedAt));
                return;
            }
            if (c.status() == ConnectorStatus.AVAILABLE) {
                if (c.statusAt() == null || !c.statusAt().isBefore(open.startedAt)) {
                    close(open, statusAt, open.endReason != null ? open.endReason : "ConnectorAvailable");
                }
                return;
            }
            SessionStatus next = SessionStateMachine.next(open.status, c.status(), c.hasError());
            if (next == SessionStatus.CHARGING && open.status == SessionStatus.SUSPENDED && open.idleSince != null
                    && c.statusAt() != null && c.statusAt().isBefore(open.idleSince)) {
                return; // a Charging status older than the idle evidence is stale
            }
            if (next != null && next != open.status && next != SessionStatus.FINISHED) {
                SessionStatus previous = open.status;
                open.status = next;
                switch (next) {
                    case SUSPENDED -> {
                        open.idleSince = statusAt;
                        open.hasIdled = true;
                    }
                    case CHARGING -> {
                        open.idleSince = null;
                        open.hasCharged = true;
                    }
                    case ERROR -> open.lastErrorCode = c.errorCode() != null ? c.errorCode() : c.rawStatus();
                    default -> {
                    }
                }
                open.dirty = true;
                log.info("Session {} on {}: {} -> {}", open.id, key, previous, next);
                events.publishEvent(new SessionStateChanged(condo, open.id, open.chargerUuid, open.chargerName,
                        open.connectorId, open.residentId, previous, next, open.idleSince, statusAt));
            }
        }

        void idle(SessionState s, Instant since) {
            SessionStatus previous = s.status;
            s.status = SessionStatus.SUSPENDED;
            s.idleSince = since;
            s.hasIdled = true;
            s.dirty = true;
            log.info("Session {} on {}: idle (idleDuration grew)", s.id, s.connectorKey());
            events.publishEvent(new SessionStateChanged(condo, s.id, s.chargerUuid, s.chargerName, s.connectorId,
                    s.residentId, previous, SessionStatus.SUSPENDED, since, now));
        }

        void stuck() {
            Instant threshold = now.minus(props.stuckAfter());
            for (SessionState s : List.copyOf(openByConnector.values())) {
                if (!s.startedAt.isBefore(threshold)) {
                    continue;
                }
                ConnectorSnapshot c = connectors.get(s.connectorKey());
                if (c != null && c.status() == ConnectorStatus.AVAILABLE) {
                    log.warn("Stuck session {} closed: connector {} is Available", s.id, s.connectorKey());
                    close(s, c.statusAt() != null && c.statusAt().isAfter(s.startedAt) && !c.statusAt().isAfter(now)
                            ? c.statusAt() : now, "StuckConnectorAvailable");
                } else if (s.stuckSince == null) {
                    s.stuckSince = now;
                    s.dirty = true;
                    log.warn("Session {} on {} open since {}: flagged as stuck", s.id, s.connectorKey(), s.startedAt);
                    events.publishEvent(new SessionStuck(condo, s.id, s.chargerUuid, s.chargerName, s.connectorId,
                            s.residentId, s.startedAt, now));
                }
            }
        }

        void close(SessionState s, Instant endedAt, String reason) {
            SessionStatus lastStatus = s.status;
            s.endedAt = endedAt.isBefore(s.startedAt) ? s.startedAt : endedAt;
            s.status = s.status == SessionStatus.ERROR ? SessionStatus.ERROR : SessionStatus.FINISHED;
            s.endReason = reason;
            if (s.externalTransactionId == null && s.residentId == null) {
                s.unidentifiedReason = "CVE-PRO reported no transaction: the connector was in use but no charge was authorized";
            }
            if (s.durationSeconds == null || s.externalTransactionId == null) {
                s.durationSeconds = Duration.between(s.startedAt, s.endedAt).toSeconds();
            }
            // written at once: a new session may open on this connector later in the same cycle
            repository.update(condo, List.of(s));
            s.dirty = false;
            openByConnector.remove(s.connectorKey(), s);
            lastEndByConnector.merge(s.connectorKey(), s.endedAt, (a, b) -> a.isAfter(b) ? a : b);
            closed++;
            log.info("Session {} on {} ended at {} ({}), {} Wh", s.id, s.connectorKey(), s.endedAt, reason, s.energyWh);
            events.publishEvent(finished(s, lastStatus, false));
        }

        SessionFinished finished(SessionState s, SessionStatus lastStatus, boolean backfilled) {
            return new SessionFinished(condo, s.id, s.chargerUuid, s.chargerName, s.connectorId, s.residentId, s.idTag,
                    s.startedAt, s.endedAt, s.energyWh, s.endReason, lastStatus, s.hasCharged, s.hasIdled, backfilled);
        }
    }

    static String unidentifiedReason(ResolvedTransaction rt) {
        if (rt.tag() == null) {
            return rt.transaction().tagPk() == null ? "the charger sent no tag"
                    : "the charger sent no tag and tag pk " + rt.transaction().tagPk() + " is not known yet";
        }
        return "tag " + rt.tag() + " is not registered to a resident";
    }
}
