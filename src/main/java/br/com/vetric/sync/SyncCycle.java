package br.com.vetric.sync;

import br.com.vetric.chargers.ChargerSyncResult;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.cpms.CpmsClient;
import br.com.vetric.cpms.CpmsProperties;
import br.com.vetric.cpms.CpmsSnapshot;
import br.com.vetric.cpms.CpmsUnavailableException;
import br.com.vetric.sessions.SessionSyncResult;
import br.com.vetric.sessions.SessionTracker;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.internal.SyncRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sync cycle: read CVE-PRO completely (chargers and the rolling transaction window), then apply it in a
 * single transaction. If reading fails, nothing is written but the cycle log; if applying fails, the
 * transaction rolls back and the previous state stands.
 */
@Service
public class SyncCycle {

    private static final Logger log = LoggerFactory.getLogger(SyncCycle.class);

    private final ObjectProvider<CpmsClient> client;
    private final Chargers chargers;
    private final SessionTracker sessions;
    private final SyncRepository repository;
    private final SyncMonitor monitor;
    private final TransactionTemplate tx;
    private final SyncProperties props;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final ApplicationEventPublisher events;
    private final Duration backfillWindow;

    SyncCycle(
            ObjectProvider<CpmsClient> client,
            Chargers chargers,
            SessionTracker sessions,
            SyncRepository repository,
            SyncMonitor monitor,
            TransactionTemplate tx,
            SyncProperties props,
            Clock clock,
            ApplicationEventPublisher events,
            CpmsProperties cpms) {
        this.events = events;
        this.backfillWindow = cpms.backfillWindow();
        this.client = client;
        this.chargers = chargers;
        this.sessions = sessions;
        this.repository = repository;
        this.monitor = monitor;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    /** Runs one cycle for the condominium; never throws for upstream or database failures. */
    public CycleOutcome run(CondominiumId condo) {
        oneAtATime.lock();
        try {
            CycleOutcome outcome = doRun(condo);
            SyncStatus status = monitor.status();
            events.publishEvent(new SyncCompleted(
                    condo,
                    clock.instant(),
                    outcome.success(),
                    outcome.changes(),
                    status.cpmsConnected(),
                    status.lastSuccessAt(),
                    outcome.error()));
            return outcome;
        } finally {
            oneAtATime.unlock();
        }
    }

    private CycleOutcome doRun(CondominiumId condo) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Instant previousSuccess;
        try {
            previousSuccess = repository.lastSuccessAt(condo);
        } catch (RuntimeException e) {
            log.error("Could not read the sync log of condominium {}", condo, e);
            return failed(
                    condo,
                    started,
                    t0,
                    "could not read the sync log: " + e.getClass().getSimpleName(),
                    false);
        }
        CpmsSnapshot snapshot;
        try {
            // the first successful poll of a condominium imports its history; later ones read the rolling window
            snapshot = previousSuccess != null
                    ? client.getObject().fetch(started)
                    : client.getObject().fetch(started, backfillWindow);
        } catch (CpmsUnavailableException e) {
            return failed(condo, started, t0, e.getMessage(), true);
        } catch (RuntimeException e) {
            log.error("Unexpected failure reading CVE-PRO for condominium {}", condo, e);
            return failed(
                    condo,
                    started,
                    t0,
                    "unexpected error reading CVE-PRO: " + e.getClass().getSimpleName(),
                    true);
        }
        monitor.cpmsReachable(clock.instant());
        long fetchMs = (System.nanoTime() - t0) / 1_000_000;
        try {
            CycleOutcome outcome = tx.execute(status -> apply(condo, snapshot, started, previousSuccess, t0, fetchMs));
            monitor.cycleFinished(clock.instant(), outcome.durationMs(), null);
            return outcome;
        } catch (RuntimeException e) {
            log.error("Sync cycle for condominium {} failed while writing; nothing was changed", condo, e);
            return failed(
                    condo,
                    started,
                    t0,
                    "could not apply the poll: " + e.getClass().getSimpleName(),
                    false);
        }
    }

    private CycleOutcome apply(
            CondominiumId condo,
            CpmsSnapshot snapshot,
            Instant started,
            Instant previousSuccess,
            long t0,
            long fetchMs) {
        ChargerSyncResult c = chargers.apply(condo, snapshot.chargePoints(), started);
        SessionSyncResult s =
                sessions.reconcile(condo, snapshot.chargePoints(), snapshot.transactions(), started, previousSuccess);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        CycleOutcome outcome = new CycleOutcome(
                true,
                null,
                snapshot.chargePoints().size(),
                snapshot.transactions().size(),
                c.changes() + s.changes(),
                ms,
                fetchMs,
                ms - fetchMs);
        repository.logCycle(condo, started, clock.instant(), outcome);
        if (outcome.changes() > 0) {
            log.debug(
                    "Cycle for condominium {}: {} charger change(s), {} session change(s) in {} ms",
                    condo,
                    c.changes(),
                    s.changes(),
                    ms);
        }
        return outcome;
    }

    private CycleOutcome failed(CondominiumId condo, Instant started, long t0, String error, boolean upstream) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        CycleOutcome outcome = new CycleOutcome(false, error, 0, 0, 0, ms, ms, 0);
        if (upstream) {
            monitor.cpmsFailed(clock.instant(), error);
            log.warn(
                    "Sync cycle for condominium {} skipped: {} ({} failure(s) in a row)",
                    condo,
                    error,
                    monitor.status().consecutiveFailures());
        }
        monitor.cycleFinished(clock.instant(), ms, error);
        try {
            repository.logCycle(condo, started, clock.instant(), outcome);
        } catch (RuntimeException e) {
            log.warn("Could not log the failed cycle: {}", e.toString());
        }
        return outcome;
    }

    /** Deletes old cycle logs; called by the poller now and then. */
    void prune() {
        repository.pruneCycles(clock.instant().minus(props.keepCyclesFor()));
    }

    Duration interval() {
        return props.pollInterval();
    }
}
