package br.com.vetric.sync;

import br.com.vetric.chargers.ChargerSyncResult;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.CpmsLoginRefusedException;
import br.com.vetric.cpms.CpmsProperties;
import br.com.vetric.cpms.CpmsSnapshot;
import br.com.vetric.cpms.CpmsUnavailableException;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.sessions.SessionProperties;
import br.com.vetric.sessions.SessionSyncResult;
import br.com.vetric.sessions.SessionTracker;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.internal.ConnectionCache;
import br.com.vetric.sync.internal.ConnectionRepository;
import br.com.vetric.sync.internal.ConnectionRepository.Stored;
import br.com.vetric.sync.internal.SyncRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One poll of one CVE-PRO connection: read its account completely (chargers and the rolling transaction window),
 * split what it read by where each charger is assigned, then apply each condominium's part in its own transaction
 * (chargers, then sessions), as a single-account VETRIC always did. If reading fails, nothing is written but the
 * cycle log of the condominiums it serves; if applying one condominium's part fails, that transaction rolls back and
 * its previous state stands. A charger nobody assigned yet is recorded for the inbox and applied nowhere; a
 * deactivated condominium's part is not applied.
 */
@Service
public class SyncCycle {

    private static final Logger log = LoggerFactory.getLogger(SyncCycle.class);

    private final ConnectionClients clients;
    private final Connections connections;
    private final ConnectionRepository inventory;
    private final Condominiums condominiums;
    private final Chargers chargers;
    private final SessionTracker sessions;
    private final SyncRepository repository;
    private final SyncMonitor monitor;
    private final TransactionTemplate tx;
    private final SyncProperties props;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PollLeases leases;
    private final Duration backfillWindow;
    private final Duration transactionWindow;
    private final Map<Long, ReentrantLock> connectionLocks = new ConcurrentHashMap<>();
    private final Map<CondominiumId, ReentrantLock> condominiumLocks = new ConcurrentHashMap<>();
    private final ConnectionCache cache;
    private final Duration liveGap;

    /** A condominium as served by a connection. */
    private record PollOf(CondominiumId condominium, long connection) {}

    /** When this instance last saw each condominium polled successfully through each connection. */
    private final Map<PollOf, Instant> lastSuccess = new ConcurrentHashMap<>();

    SyncCycle(
            ConnectionClients clients,
            Connections connections,
            ConnectionRepository inventory,
            Condominiums condominiums,
            Chargers chargers,
            SessionTracker sessions,
            SyncRepository repository,
            SyncMonitor monitor,
            TransactionTemplate tx,
            SyncProperties props,
            Clock clock,
            ApplicationEventPublisher events,
            CpmsProperties cpms,
            PollLeases leases,
            ConnectionCache cache,
            SessionProperties sessionProps) {
        this.leases = leases;
        this.clients = clients;
        this.cache = cache;
        this.liveGap = sessionProps.liveGap();
        this.connections = connections;
        this.inventory = inventory;
        this.condominiums = condominiums;
        this.events = events;
        this.backfillWindow = cpms.backfillWindow();
        this.transactionWindow = cpms.transactionWindow();
        this.chargers = chargers;
        this.sessions = sessions;
        this.repository = repository;
        this.monitor = monitor;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Polls every connection that serves the condominium now and tells how the condominium's part went (tests and
     * tools; the poller polls per connection). The condominium is applied even while deactivated, as asked.
     */
    public CycleOutcome run(CondominiumId condo) {
        List<Stored> serving = connections.serving(condo);
        if (serving.isEmpty()) {
            return new CycleOutcome(false, "no CVE-PRO connection serves condominium " + condo, 0, 0, 0, 0, 0, 0);
        }
        CycleOutcome result = null;
        for (Stored c : serving) {
            CycleOutcome o = poll(c, Set.of(condo)).get(condo);
            result = result == null || o == null ? (o == null ? result : o) : merge(result, o);
        }
        return result == null
                ? new CycleOutcome(false, "condominium " + condo + " was not polled", 0, 0, 0, 0, 0, 0)
                : result;
    }

    /**
     * Polls one connection now and tells how each condominium it serves went (tools and tests; the poller polls on
     * its schedule). A connection that serves no condominium yet still records what its account reports (the inbox).
     *
     * @throws br.com.vetric.platform.NotFoundException when there is no such connection
     */
    public Map<CondominiumId, CycleOutcome> runConnection(long connectionId) {
        return poll(inventory
                .find(connectionId)
                .orElseThrow(() ->
                        new br.com.vetric.platform.NotFoundException("connection " + connectionId + " not found")));
    }

    /** Polls one connection (the poller calls this); never throws for upstream or database failures. */
    Map<CondominiumId, CycleOutcome> poll(Stored connection) {
        return poll(connection, Set.of());
    }

    private Map<CondominiumId, CycleOutcome> poll(Stored connection, Set<CondominiumId> evenIfDeactivated) {
        if (!leases.bound(connection.id())) { // by hand: under the connection's lease too, unless another polls it
            return leases.byHand(connection.id(), () -> poll(connection, evenIfDeactivated))
                    .orElse(Map.of());
        }
        ReentrantLock lock = connectionLocks.computeIfAbsent(connection.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            // the account's inventory and cycle log span the condominiums it serves; each condominium's apply is
            // narrowed to that condominium (row-level security)
            return Tenancy.acrossAll(
                    "poll of a CVE-PRO connection that may serve several condominiums",
                    () -> doPoll(connection, evenIfDeactivated));
        } finally {
            lock.unlock();
        }
    }

    /** What a poll reads before asking CVE-PRO. */
    private record Read(
            Map<String, AccountCharger> known,
            Set<CondominiumId> served,
            Map<CondominiumId, Instant> previous,
            @Nullable Instant backfillFrom) {}

    private Map<CondominiumId, CycleOutcome> doPoll(Stored connection, Set<CondominiumId> evenIfDeactivated) {
        long id = connection.id();
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Read read;
        try {
            // what is held in memory costs no statement; else one transaction reads the rest (the scope set once)
            read = read(connection, evenIfDeactivated, started, false);
            if (read == null) {
                read = tx.execute(status -> read(connection, evenIfDeactivated, started, true));
            }
        } catch (RuntimeException e) {
            log.error("Could not read what connection {} serves", id, e);
            return Map.of();
        }
        Map<String, AccountCharger> known = read.known();
        Set<CondominiumId> served = read.served();
        Map<CondominiumId, Instant> previous = read.previous();
        Instant backfillFrom = read.backfillFrom();
        monitor.serves(id, served);
        CpmsSnapshot snapshot;
        try {
            Duration window = window(started, previous, backfillFrom);
            snapshot = window == null
                    ? clients.of(connection).fetch(started)
                    : clients.of(connection).fetch(started, window);
        } catch (CpmsLoginRefusedException e) {
            return failed(id, served, started, t0, ConnectionState.LOGIN_REFUSED, e.getMessage());
        } catch (CpmsUnavailableException e) {
            return failed(id, served, started, t0, ConnectionState.UNREACHABLE, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Unexpected failure reading CVE-PRO connection {}", id, e);
            return failed(
                    id,
                    served,
                    started,
                    t0,
                    ConnectionState.UNREACHABLE,
                    "unexpected error reading CVE-PRO: " + e.getClass().getSimpleName());
        }
        monitor.cpmsReachable(id, clock.instant());
        long fetchMs = (System.nanoTime() - t0) / 1_000_000;
        Map<CondominiumId, List<ChargePointSnapshot>> parts;
        try {
            parts = split(connection, snapshot, known, started);
        } catch (PollLeases.LeaseLostException e) {
            log.warn("Poll of connection {} not written: {}", id, e.getMessage());
            return Map.of();
        } catch (RuntimeException e) {
            log.error("Could not record the chargers connection {} reports", id, e);
            return failed(
                    id,
                    served,
                    started,
                    t0,
                    null,
                    "could not apply the poll: " + e.getClass().getSimpleName());
        }
        Map<String, CondominiumId> where = new HashMap<>();
        parts.forEach((condo, list) -> list.forEach(cp -> where.put(cp.uuid(), condo)));
        known.values().stream()
                .filter(c -> c.condominiumId() != null)
                .forEach(c -> where.putIfAbsent(c.uuid(), c.condominiumId()));
        Map<CondominiumId, List<TransactionSnapshot>> transactions = new HashMap<>();
        for (TransactionSnapshot t : snapshot.transactions()) {
            CondominiumId condo = where.getOrDefault(t.chargeBoxUuid(), connection.defaultCondominiumId());
            if (condo != null) {
                transactions.computeIfAbsent(condo, k -> new ArrayList<>()).add(t);
            }
        }
        Map<CondominiumId, CycleOutcome> outcomes = new LinkedHashMap<>();
        for (CondominiumId condo : served) {
            List<ChargePointSnapshot> part = parts.getOrDefault(condo, List.of());
            List<String> waiting = part.stream()
                    .map(cp -> known.get(cp.uuid()))
                    .filter(c -> c != null && c.waiting())
                    .map(AccountCharger::uuid)
                    .toList();
            CpmsSnapshot mine =
                    new CpmsSnapshot(part, transactions.getOrDefault(condo, List.of()), snapshot.fetchedAt());
            outcomes.put(condo, apply(id, condo, mine, waiting, started, previous.get(condo), t0, fetchMs));
        }
        return outcomes;
    }

    /**
     * The connection's inventory, the condominiums it serves and when each was last polled successfully; null when
     * {@code database} is false and some of it is not held in memory.
     */
    private @Nullable Read read(
            Stored connection, Set<CondominiumId> evenIfDeactivated, Instant started, boolean database) {
        long id = connection.id();
        if (!database && !cache.holds(id)) {
            return null;
        }
        Map<String, AccountCharger> known = cache.inventory(id, () -> inventory.chargers(id));
        Set<CondominiumId> served = new LinkedHashSet<>();
        Instant earliest = null;
        for (AccountCharger c : known.values()) {
            if (c.condominiumId() != null) {
                served.add(c.condominiumId());
            }
            if (c.backfillFrom() != null
                    && (earliest == null || c.backfillFrom().isBefore(earliest))) {
                earliest = c.backfillFrom();
            }
        }
        if (connection.defaultCondominiumId() != null) {
            served.add(connection.defaultCondominiumId());
        }
        served.removeIf(condo -> !evenIfDeactivated.contains(condo) && !active(condo));
        Map<CondominiumId, Instant> previous = new HashMap<>();
        for (CondominiumId condo : served) {
            Instant held = lastSuccess.get(new PollOf(condo, id));
            // a success held from this instance's own polls is as good as the database's latest while it is within
            // the live gap: it decides only whether the poll watched live (SessionTracker) and is never null
            if (held != null && !held.isBefore(started.minus(liveGap))) {
                previous.put(condo, held);
            } else if (!database) {
                return null;
            } else {
                Instant last = repository.lastSuccessAt(condo, id);
                previous.put(condo, last);
                if (last != null) {
                    lastSuccess.merge(new PollOf(condo, id), last, SyncCycle::later);
                }
            }
        }
        return new Read(known, served, previous, earliest);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Null: the rolling window. The history import of a first poll, or the waiting sessions of assigned chargers. */
    private @Nullable Duration window(
            Instant now, Map<CondominiumId, Instant> previous, @Nullable Instant backfillFrom) {
        Duration window = previous.containsValue(null) ? backfillWindow : null;
        if (backfillFrom != null) {
            Duration since = Duration.between(backfillFrom, now);
            Duration base = window == null ? transactionWindow : window;
            window = since.compareTo(base) > 0 ? since : base;
        }
        return window;
    }

    /**
     * Records the chargers the account reports for the first time (assigned to the connection's default condominium,
     * else left in the inbox) and the names that changed; returns each served condominium's chargers, named as they
     * were named at assignment.
     */
    private Map<CondominiumId, List<ChargePointSnapshot>> split(
            Stored connection, CpmsSnapshot snapshot, Map<String, AccountCharger> known, Instant now) {
        List<String> fresh = new ArrayList<>();
        List<String> freshNames = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        List<String> newNames = new ArrayList<>();
        for (ChargePointSnapshot cp : snapshot.chargePoints()) {
            AccountCharger k = known.get(cp.uuid());
            if (k == null) {
                fresh.add(cp.uuid());
                freshNames.add(cp.displayName());
            } else if (!cp.displayName().equals(k.reportedName())) {
                renamed.add(cp.uuid());
                newNames.add(cp.displayName());
            }
        }
        Set<String> elsewhere = new LinkedHashSet<>();
        if (!fresh.isEmpty() || !renamed.isEmpty()) {
            tx.executeWithoutResult(s -> {
                leases.fence(connection.id());
                if (!fresh.isEmpty()) {
                    elsewhere.addAll(inventory.reportedElsewhere(connection.id(), fresh));
                    List<String> mine = new ArrayList<>();
                    List<String> mineNames = new ArrayList<>();
                    for (int i = 0; i < fresh.size(); i++) {
                        if (!elsewhere.contains(fresh.get(i))) {
                            mine.add(fresh.get(i));
                            mineNames.add(freshNames.get(i));
                        }
                    }
                    inventory.discovered(
                            connection.id(), mine, mineNames, connection.defaultCondominiumId(), now, null);
                    for (String uuid : elsewhere) {
                        log.warn(
                                "Charger {} is reported by connection {} too: it stays with the first",
                                uuid,
                                connection.id());
                    }
                    if (connection.defaultCondominiumId() == null && !mine.isEmpty()) {
                        log.info(
                                "Connection {} reports {} charger(s) without a condominium: {}",
                                connection.id(),
                                mine.size(),
                                mine);
                    }
                }
                inventory.renamed(renamed, newNames);
                cache.changed(connection.id());
            });
        }
        Map<CondominiumId, List<ChargePointSnapshot>> parts = new HashMap<>();
        for (ChargePointSnapshot cp : snapshot.chargePoints()) {
            AccountCharger k = known.get(cp.uuid());
            CondominiumId condo = k != null
                    ? k.condominiumId()
                    : elsewhere.contains(cp.uuid()) ? null : connection.defaultCondominiumId();
            if (condo != null) {
                parts.computeIfAbsent(condo, c -> new ArrayList<>()).add(named(cp, k));
            }
        }
        return parts;
    }

    private static ChargePointSnapshot named(ChargePointSnapshot cp, @Nullable AccountCharger k) {
        if (k == null || k.displayName() == null || k.displayName().isBlank()) {
            return cp;
        }
        return new ChargePointSnapshot(
                cp.uuid(),
                cp.chargeBoxId(),
                k.displayName(),
                cp.vendor(),
                cp.model(),
                cp.lastHeartbeatAt(),
                cp.active(),
                cp.connectors());
    }

    private CycleOutcome apply(
            long connection,
            CondominiumId condo,
            CpmsSnapshot snapshot,
            List<String> waiting,
            Instant started,
            @Nullable Instant previousSuccess,
            long t0,
            long fetchMs) {
        ReentrantLock lock = condominiumLocks.computeIfAbsent(condo, c -> new ReentrantLock());
        lock.lock();
        CycleOutcome outcome;
        try {
            outcome = Tenancy.within(
                    condo,
                    () -> tx.execute(status -> {
                        leases.fence(connection, condo);
                        ChargerSyncResult c = chargers.apply(condo, snapshot.chargePoints(), started);
                        SessionSyncResult s = sessions.reconcile(
                                condo, snapshot.chargePoints(), snapshot.transactions(), started, previousSuccess);
                        inventory.backfilled(waiting);
                        if (!waiting.isEmpty()) {
                            cache.changed(connection);
                        }
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        CycleOutcome o = new CycleOutcome(
                                true,
                                null,
                                snapshot.chargePoints().size(),
                                snapshot.transactions().size(),
                                c.changes() + s.changes(),
                                ms,
                                fetchMs,
                                ms - fetchMs);
                        repository.logCycle(condo, connection, started, clock.instant(), o);
                        if (o.changes() > 0) {
                            log.debug(
                                    "Cycle for condominium {} (connection {}): {} charger change(s), {} session change(s) in {} ms",
                                    condo,
                                    connection,
                                    c.changes(),
                                    s.changes(),
                                    ms);
                        }
                        return o;
                    }));
            lastSuccess.merge(new PollOf(condo, connection), started, SyncCycle::later);
            if (!waiting.isEmpty()) {
                log.info("Condominium {}: the waiting sessions of charger(s) {} were imported", condo, waiting);
            }
        } catch (PollLeases.LeaseLostException e) {
            log.warn("Cycle for condominium {} not written: {}", condo, e.getMessage());
            return failedOutcome(t0, "poll lease lost");
        } catch (RuntimeException e) {
            log.error("Sync cycle for condominium {} failed while writing; nothing was changed", condo, e);
            outcome = failedOutcome(
                    t0, "could not apply the poll: " + e.getClass().getSimpleName());
            logFailure(Set.of(condo), connection, started, outcome);
        } finally {
            lock.unlock();
        }
        monitor.cycleFinished(clock.instant(), outcome.durationMs());
        completed(condo, connection, outcome);
        return outcome;
    }

    private Map<CondominiumId, CycleOutcome> failed(
            long connection,
            Set<CondominiumId> served,
            Instant started,
            long t0,
            @Nullable ConnectionState upstream,
            String error) {
        if (!leases.stillHeld(connection)) {
            log.warn("Failed poll of connection {} not recorded: this instance lost its poll lease", connection);
            return Map.of();
        }
        CycleOutcome outcome = failedOutcome(t0, error);
        if (upstream != null) {
            monitor.cpmsFailed(connection, clock.instant(), upstream, error);
            log.warn(
                    "Poll of connection {} skipped: {} ({} failure(s) in a row)",
                    connection,
                    error,
                    monitor.health(connection).consecutiveFailures());
        }
        monitor.cycleFinished(clock.instant(), outcome.durationMs());
        Map<CondominiumId, CycleOutcome> outcomes = new LinkedHashMap<>();
        logFailure(served, connection, started, outcome);
        for (CondominiumId condo : served) {
            completed(condo, connection, outcome);
            outcomes.put(condo, outcome);
        }
        return outcomes;
    }

    private static CycleOutcome failedOutcome(long t0, String error) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new CycleOutcome(false, error, 0, 0, 0, ms, ms, 0);
    }

    /** One statement for the poll, whatever the number of condominiums it serves. */
    private void logFailure(Set<CondominiumId> condos, long connection, Instant started, CycleOutcome outcome) {
        if (condos.isEmpty()) {
            return;
        }
        try {
            repository.logCycles(condos, connection, started, clock.instant(), outcome);
        } catch (RuntimeException e) {
            log.warn("Could not log the failed cycle: {}", e.toString());
        }
    }

    private void completed(CondominiumId condo, long connection, CycleOutcome outcome) {
        ConnectionHealth health = monitor.health(connection);
        events.publishEvent(new SyncCompleted(
                condo,
                clock.instant(),
                outcome.success(),
                outcome.changes(),
                health.connected(),
                health.lastSuccessAt(),
                outcome.error()));
    }

    private boolean active(CondominiumId condo) {
        return condominiums.find(condo).map(Condominium::active).orElse(false);
    }

    private static CycleOutcome merge(CycleOutcome a, CycleOutcome b) {
        return new CycleOutcome(
                a.success() && b.success(),
                a.error() != null ? a.error() : b.error(),
                a.chargers() + b.chargers(),
                a.transactions() + b.transactions(),
                a.changes() + b.changes(),
                a.durationMs() + b.durationMs(),
                a.fetchMs() + b.fetchMs(),
                a.applyMs() + b.applyMs());
    }

    /** Deletes old cycle logs; called by the poller now and then. */
    void prune() {
        repository.pruneCycles(clock.instant().minus(props.keepCyclesFor()));
    }

    Duration interval() {
        return props.pollInterval();
    }
}
