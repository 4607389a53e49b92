package br.com.vetric.sync;

import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.internal.SyncRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Remembers how the CVE-PRO link and the poller are doing. */
@Component
public class SyncMonitor {

    private final SyncProperties props;
    private final SyncRepository repository;
    private volatile boolean pollerActive;
    private volatile Instant lastSuccessAt;
    private volatile Instant lastAttemptAt;
    private volatile int consecutiveFailures;
    private volatile String lastError;
    private volatile Instant lastCycleAt;
    private volatile Long lastCycleDurationMs;
    private volatile boolean connected;

    SyncMonitor(SyncProperties props, SyncRepository repository) {
        this.props = props;
        this.repository = repository;
    }

    synchronized void cpmsReachable(Instant at) {
        lastAttemptAt = at;
        lastSuccessAt = at;
        consecutiveFailures = 0;
        lastError = null;
        connected = true;
    }

    synchronized void cpmsFailed(Instant at, String error) {
        lastAttemptAt = at;
        consecutiveFailures++;
        lastError = error;
        connected = false;
    }

    synchronized void cycleFinished(Instant at, long durationMs, String error) {
        lastCycleAt = at;
        lastCycleDurationMs = durationMs;
        if (error != null) {
            lastError = error;
        }
    }

    void pollerActive(boolean active) {
        pollerActive = active;
    }

    public SyncStatus status() {
        return new SyncStatus(
                connected,
                lastSuccessAt,
                lastAttemptAt,
                consecutiveFailures,
                lastError,
                pollerActive,
                props.pollInterval(),
                lastCycleAt,
                lastCycleDurationMs);
    }

    public List<SyncCycleRecord> recentCycles(CondominiumId condo, int limit) {
        return repository.recentCycles(condo, limit);
    }
}
