package br.com.vetric.sync;

import br.com.vetric.platform.Instance;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.internal.LeaseRepository;
import br.com.vetric.sync.internal.LeaseRepository.Taken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which CVE-PRO connections this instance polls, when several instances share one PostgreSQL: a lease per connection
 * ({@code poll_lease}), renewed while this instance lives and taken over by another once expired (its token goes up
 * by one). Connections spread: an instance takes at most its fair share, {@code ceil(connections / live instances)},
 * and lets the excess go when another instance appears (live instances: those whose heartbeat in
 * {@code poll_instance} has not expired). Writes are fenced: a cycle's write transactions call {@link #fence} first,
 * which locks the lease row and refuses when this instance no longer holds it with the token the poll started with.
 */
@Component
class PollLeases {

    private static final Logger log = LoggerFactory.getLogger(PollLeases.class);

    private final LeaseRepository repository;
    private final TransactionTemplate tx;
    private final Duration ttl;
    private final String me;
    private final Counter takeovers;
    private final ThreadLocal<long[]> current = new ThreadLocal<>();
    private volatile Map<Long, Long> held = Map.of();
    private volatile int lastShare = -1;
    private long lastForget;

    @Autowired
    PollLeases(LeaseRepository repository, TransactionTemplate tx, SyncProperties props, MeterRegistry registry) {
        this(repository, tx, props, registry, Instance.NAME);
    }

    PollLeases(
            LeaseRepository repository,
            TransactionTemplate tx,
            SyncProperties props,
            MeterRegistry registry,
            String instance) {
        this.repository = repository;
        this.tx = tx;
        this.ttl = props.lease();
        this.me = instance;
        this.takeovers = Counter.builder("vetric.poll.lease.takeovers")
                .description("Poll leases this instance took over from another instance (dead, paused or stopped)")
                .register(registry);
        Gauge.builder("vetric.poll.leases.held", this, l -> l.held.size())
                .description("CVE-PRO connections this instance holds the poll lease of")
                .register(registry);
    }

    String instance() {
        return me;
    }

    Duration ttl() {
        return ttl;
    }

    /**
     * The dispatcher's turn: says this instance is alive, renews its leases, takes free or expired ones up to its fair
     * share of {@code connections}, lets go of the excess (never one being polled now), and returns what it holds
     * (connection → token).
     */
    Map<Long, Long> maintain(int connections, LongPredicate inFlight) {
        Map<Long, Long> now = Tenancy.acrossAll(
                "poll leases span the connections of every condominium",
                () -> tx.execute(status -> maintainNow(connections, inFlight)));
        held = Map.copyOf(now);
        return held;
    }

    private Map<Long, Long> maintainNow(int connections, LongPredicate inFlight) {
        repository.boundIdleInTransaction(ttl);
        int live = repository.heartbeat(me, ttl);
        Map<Long, Long> mine = new HashMap<>(repository.renew(me, ttl));
        int share = connections == 0 ? 0 : Math.ceilDiv(connections, Math.max(1, live));
        if (share != lastShare) {
            log.info(
                    "Instance {}: fair share {} of {} connection(s) over {} live instance(s)",
                    me,
                    share,
                    connections,
                    live);
            lastShare = share;
        }
        if (mine.size() < share) {
            for (Taken t : repository.take(me, ttl, share - mine.size())) {
                mine.put(t.connectionId(), t.token());
                if (t.previous() != null && !t.previous().equals(me)) {
                    takeovers.increment();
                    log.info(
                            "Took over the poll lease of connection {} from instance {} (token {})",
                            t.connectionId(),
                            t.previous(),
                            t.token());
                } else {
                    log.info("Took the poll lease of connection {} (token {})", t.connectionId(), t.token());
                }
            }
        } else if (mine.size() > share) {
            List<Long> excess = new ArrayList<>(mine.keySet().stream()
                    .filter(id -> !inFlight.test(id))
                    .sorted(Comparator.reverseOrder())
                    .limit(mine.size() - share)
                    .toList());
            repository.release(me, excess);
            excess.forEach(mine::remove);
            log.info("Released the poll lease of connection(s) {} to another instance (fair share {})", excess, share);
        }
        if (System.nanoTime() - lastForget > Duration.ofHours(1).toNanos()) {
            lastForget = System.nanoTime();
            repository.forgetGoneInstances();
        }
        return mine;
    }

    /** Runs a poll of a leased connection with its token bound, so {@link #fence} can check it. */
    <T> T polling(long connectionId, long token, Supplier<T> poll) {
        long[] before = current.get();
        current.set(new long[] {connectionId, token});
        try {
            return poll.get();
        } finally {
            if (before == null) {
                current.remove();
            } else {
                current.set(before);
            }
        }
    }

    /** Whether the calling thread runs a poll of this connection that {@link #polling} bound a token to. */
    boolean bound(long connectionId) {
        long[] c = current.get();
        return c != null && c[0] == connectionId;
    }

    /**
     * A poll asked for by hand (tools, tests, "poll now"): takes or renews the connection's lease unless another
     * instance holds it, then runs it fenced like the poller's; empty when another instance polls the connection.
     */
    <T> Optional<T> byHand(long connectionId, Supplier<T> poll) {
        Optional<Long> token;
        try {
            token = Tenancy.acrossAll(
                    "poll leases span the connections of every condominium",
                    () -> repository.takeOne(me, ttl, connectionId));
        } catch (RuntimeException e) {
            log.error("Could not take the poll lease of connection {}: not polled", connectionId, e);
            return Optional.empty();
        }
        if (token.isEmpty()) {
            log.info("Connection {} is polled by another instance: not polled here", connectionId);
            return Optional.empty();
        }
        return Optional.ofNullable(polling(connectionId, token.get(), poll));
    }

    /**
     * The fence, first thing in a write transaction of a poll: locks the connection's lease row until the transaction
     * ends and throws when this instance no longer holds it with the token the poll started with.
     */
    void fence(long connectionId) {
        fence(connectionId, null);
    }

    /**
     * As {@link #fence(long)}, for the transaction that applies a poll to condominium {@code condo}: it also waits for
     * any other instance applying a poll of another connection to the same condominium (a transaction-scoped
     * advisory lock), as the in-process lock does between this instance's own polls.
     */
    void fence(long connectionId, @Nullable CondominiumId condo) {
        long[] c = current.get();
        if (c == null || c[0] != connectionId) {
            throw new LeaseLostException("no lease bound for connection " + connectionId);
        }
        repository.boundIdleInTransaction(ttl); // the write transaction's locks end with a paused instance
        if (!repository.stillHeld(me, connectionId, c[1], condo == null ? null : condo.value())) {
            throw new LeaseLostException("instance " + me + " lost the poll lease of connection " + connectionId
                    + " (token " + c[1] + "): another instance polls it now; this poll writes nothing");
        }
    }

    /** Whether this instance still holds the lease its poll started with (no lock: for what a failed poll logs). */
    boolean stillHeld(long connectionId) {
        long[] c = current.get();
        if (c == null || c[0] != connectionId) {
            return false;
        }
        try {
            return Tenancy.acrossAll(
                    "poll leases span the connections of every condominium",
                    () -> repository.stillHeld(me, connectionId, c[1]));
        } catch (RuntimeException e) {
            return true; // the database is what failed: the failure is recorded if it can be
        }
    }

    /** A clean stop: every lease of this instance expires at once, for the other instances to take. */
    void releaseAll() {
        Tenancy.acrossAll(
                "poll leases span the connections of every condominium",
                () -> tx.executeWithoutResult(s -> repository.releaseAll(me)));
        held = Map.of();
        log.info("Instance {} released its poll leases", me);
    }

    /** This instance no longer holds the connection's lease with the poll's token: the poll must write nothing. */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException(String message) {
            super(message);
        }
    }
}
