package br.com.vetric.sync;

import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.internal.SyncRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers how each CVE-PRO connection and the poller are doing. The whole link ({@link #status()}) is connected
 * when every connection's last poll read its account; each connection's own state is {@link #health(long)}.
 */
@Component
public class SyncMonitor {

    private final SyncProperties props;
    private final SyncRepository repository;
    private final Map<Long, ConnectionHealth> connections = new ConcurrentHashMap<>();
    private volatile boolean pollerActive;
    private volatile Instant lastCycleAt;
    private volatile Long lastCycleDurationMs;

    SyncMonitor(SyncProperties props, SyncRepository repository) {
        this.props = props;
        this.repository = repository;
    }

    void cpmsReachable(long connection, Instant at) {
        connections.compute(connection, (id, h) -> (h == null ? ConnectionHealth.notPolledYet(id) : h).succeeded(at));
    }

    void cpmsFailed(long connection, Instant at, ConnectionState state, String error) {
        connections.compute(
                connection, (id, h) -> (h == null ? ConnectionHealth.notPolledYet(id) : h).failed(at, state, error));
    }

    synchronized void cycleFinished(Instant at, long durationMs) {
        lastCycleAt = at;
        lastCycleDurationMs = durationMs;
    }

    /** A deleted connection is no longer reported. */
    void forget(long connection) {
        connections.remove(connection);
    }

    private final Map<Long, Set<CondominiumId>> served = new java.util.concurrent.ConcurrentHashMap<>();

    void pollerActive(boolean active) {
        pollerActive = active;
    }

    public ConnectionHealth health(long connection) {
        return connections.getOrDefault(connection, ConnectionHealth.notPolledYet(connection));
    }

    /** Every connection polled since start, by id. */
    public List<ConnectionHealth> connections() {
        return connections.values().stream()
                .sorted(Comparator.comparingLong(ConnectionHealth::connectionId))
                .toList();
    }

    /**
     * The whole link: connected when every polled connection's last poll succeeded; the oldest last success (how old
     * the staleest data is), the latest attempt, the most failures in a row, and the error of a failing connection.
     */
    public SyncStatus status() {
        return combined(connections());
    }

    /**
     * As {@link #status()} over the connections that serve the condominium (as of their last poll): another
     * condominium's account being down is not this condominium's news.
     */
    public SyncStatus status(CondominiumId condo) {
        return combined(connections().stream()
                .filter(h -> served.getOrDefault(h.connectionId(), Set.of()).contains(condo))
                .toList());
    }

    /** What a connection served at its last poll. */
    void serves(long connection, Set<CondominiumId> condominiums) {
        served.put(connection, Set.copyOf(condominiums));
    }

    private SyncStatus combined(List<ConnectionHealth> all) {
        boolean connected = !all.isEmpty() && all.stream().allMatch(ConnectionHealth::connected);
        Instant lastSuccess = all.stream()
                .map(ConnectionHealth::lastSuccessAt)
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        Instant lastAttempt = all.stream()
                .map(ConnectionHealth::lastAttemptAt)
                .filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        int failures = all.stream()
                .mapToInt(ConnectionHealth::consecutiveFailures)
                .max()
                .orElse(0);
        String error = all.stream()
                .map(ConnectionHealth::lastError)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new SyncStatus(
                connected,
                lastSuccess,
                lastAttempt,
                failures,
                error,
                pollerActive,
                props.pollInterval(),
                lastCycleAt,
                lastCycleDurationMs);
    }

    public List<SyncCycleRecord> recentCycles(CondominiumId condo, int limit) {
        return repository.recentCycles(condo, limit);
    }
}
