package br.com.vetric.sessions.internal;

import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.ConnectorSnapshot;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.sessions.SessionEvents.SessionEvent;
import br.com.vetric.sessions.internal.Session.Who;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll applied to the sessions of a condominium: which session each transaction and each connector status is
 * about, whether a new one opens, and when VETRIC lost sight of them. The sessions themselves decide what each
 * change means ({@link Session}); this class only finds them and keeps the per-connector bookkeeping.
 */
public final class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final CondominiumId condo;
    private final Instant now;
    private final boolean watching;
    private final Duration liveWithin;
    private final SessionRepository.IdSource ids;
    private final List<Session> working;
    private final List<SessionEvent> events = new ArrayList<>();
    private final Map<Long, Session> byTx = new HashMap<>();
    private final Map<String, Session> openByConnector = new HashMap<>();
    private final Map<String, Instant> lastEndByConnector = new HashMap<>();
    private final Map<String, ConnectorSnapshot> connectors = new HashMap<>();
    private final Map<String, String> chargerNames = new HashMap<>();
    private final java.util.Set<Session> closedNow = new java.util.HashSet<>();
    private int opened;

    /**
     * @param working    the sessions the poll may concern (open, recently ended, and those of its transactions)
     * @param watching   whether VETRIC has been watching this condominium without a gap up to this poll
     * @param liveWithin a session that began longer ago than this, first seen now, was not watched from its start
     */
    public Reconciliation(
            CondominiumId condo,
            Instant now,
            List<Session> working,
            List<ChargePointSnapshot> chargers,
            boolean watching,
            Duration liveWithin,
            SessionRepository.IdSource ids) {
        this.condo = condo;
        this.now = now;
        this.watching = watching;
        this.liveWithin = liveWithin;
        this.ids = ids;
        this.working = new ArrayList<>(working);
        for (Session s : working) {
            if (s.transactionId() != null) {
                byTx.put(s.transactionId(), s);
            }
            if (s.open()) {
                openByConnector.put(s.connectorKey(), s);
            } else {
                ended(s);
            }
        }
        for (ChargePointSnapshot cp : chargers) {
            chargerNames.put(cp.uuid(), cp.displayName());
            for (ConnectorSnapshot c : cp.connectors()) {
                connectors.put(Session.key(cp.uuid(), c.connectorId()), c);
            }
        }
        if (!watching) {
            working.forEach(Session::lostSight);
        }
    }

    /** Applies the transactions (oldest first), then every connector's status, then the stuck check. */
    public void apply(
            List<TransactionSnapshot> transactions,
            Map<Long, Who> who,
            List<ChargePointSnapshot> chargers,
            Duration stuckAfter) {
        transactions.stream()
                .sorted(Comparator.comparing(TransactionSnapshot::startedAt).thenComparingLong(TransactionSnapshot::id))
                .forEach(tx -> transaction(tx, who.get(tx.id())));
        for (ChargePointSnapshot cp : chargers) {
            for (ConnectorSnapshot c : cp.connectors()) {
                status(cp, c);
            }
        }
        stuck(stuckAfter);
    }

    private void transaction(TransactionSnapshot tx, Who who) {
        String key = Session.key(tx.chargeBoxUuid(), tx.connectorId());
        Session s = byTx.get(tx.id());
        if (s == null) {
            Session open = openByConnector.get(key);
            if (open != null && open.canAdopt(tx)) {
                s = open; // opened by the status path: the transaction adopts it
                s.adopt(tx, now);
                byTx.put(tx.id(), s);
            } else if (open != null && tx.running()) {
                if (open.transactionId() != null && tx.startedAt().isAfter(open.startedAt())) {
                    log.warn(
                            "Transaction {} started on {} while session {} (transaction {}) was still open: closing it",
                            tx.id(),
                            key,
                            open.id(),
                            open.transactionId());
                    open.close(tx.startedAt(), EndReason.SUPERSEDED, null, null, events);
                    afterClose(open);
                } else {
                    log.warn(
                            "Ignoring running transaction {} on {}: session {} is open there", tx.id(), key, open.id());
                    return;
                }
            }
            if (s == null) {
                boolean live = watching && tx.running() && !tx.startedAt().isBefore(now.minus(liveWithin));
                s = Session.fromTransaction(
                        condo,
                        ids.next(),
                        tx,
                        who,
                        chargerNames.get(tx.chargeBoxUuid()),
                        connectors.get(key),
                        now,
                        live,
                        events);
                working.add(s);
                byTx.put(tx.id(), s);
                opened++;
                if (s.open()) {
                    openByConnector.put(key, s);
                } else {
                    ended(s);
                }
            }
        }
        boolean wasOpen = s.open();
        s.applyTransaction(tx, who, now, events);
        if (wasOpen && !s.open()) {
            afterClose(s);
        }
    }

    private void status(ChargePointSnapshot cp, ConnectorSnapshot c) {
        String key = Session.key(cp.uuid(), c.connectorId());
        Session open = openByConnector.get(key);
        Instant statusAt = c.statusAt() == null || c.statusAt().isAfter(now) ? now : c.statusAt();
        if (open == null) {
            if (!SessionStateMachine.opensSession(c.status()) || c.hasError()) {
                return;
            }
            Instant lastEnd = lastEndByConnector.get(key);
            if (lastEnd != null && !statusAt.isAfter(lastEnd)) {
                return; // the status predates the end of the last session: not a new one
            }
            Session s = Session.fromStatus(
                    condo,
                    ids.next(),
                    cp.uuid(),
                    cp.displayName(),
                    c,
                    statusAt,
                    watching && !statusAt.isBefore(now.minus(liveWithin)),
                    events);
            working.add(s);
            openByConnector.put(key, s);
            opened++;
            return;
        }
        open.applyStatus(c, statusAt, now, events);
        if (!open.open()) {
            afterClose(open);
        }
    }

    private void stuck(Duration stuckAfter) {
        Instant threshold = now.minus(stuckAfter);
        for (Session s : List.copyOf(openByConnector.values())) {
            if (s.startedAt().isBefore(threshold)) {
                s.checkStuck(connectors.get(s.connectorKey()), now, events);
                if (!s.open()) {
                    afterClose(s);
                }
            }
        }
    }

    private void afterClose(Session s) {
        openByConnector.remove(s.connectorKey(), s);
        ended(s);
        closedNow.add(s);
    }

    private void ended(Session s) {
        lastEndByConnector.merge(s.connectorKey(), s.endedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Every session this poll touched or opened, in the order they were met. */
    public List<Session> sessions() {
        return working;
    }

    /** What happened, in the order it happened. */
    public List<SessionEvent> events() {
        return events;
    }

    public int opened() {
        return opened;
    }

    public int closed() {
        return closedNow.size();
    }

    /** Sessions that changed without opening or closing in this poll (count them before saving). */
    public int updated() {
        return (int) working.stream()
                .filter(s -> s.needsWriting() && !s.isNew() && !closedNow.contains(s))
                .count();
    }
}
