package br.com.vetric.sync;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The one place that decides "poll connection X now": when its interval has passed since its last poll began (fixed
 * rate; one that overran starts again as soon as it ends) and it is not being polled already. Each connection keeps
 * its own pace: one slow or failing account never moves another's turn. Which connections this instance may poll at
 * all is {@link PollLeases}' answer (one instance per connection when several share one database).
 */
@Component
class PollSchedule {

    private final Map<Long, Long> nextDueNanos = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> inFlight = new ConcurrentHashMap<>();
    private final long intervalNanos;

    PollSchedule(SyncProperties props) {
        this.intervalNanos = props.pollInterval().toNanos();
    }

    /** Whether connection {@code id} is due at {@code nowNanos}; if so it is claimed until {@link #done}. */
    boolean claim(long id, long nowNanos) {
        Long due = nextDueNanos.get(id);
        if (due != null && nowNanos - due < 0) {
            return false;
        }
        if (inFlight.putIfAbsent(id, Boolean.TRUE) != null) {
            return false;
        }
        nextDueNanos.put(id, (due == null || nowNanos - due > intervalNanos ? nowNanos : due) + intervalNanos);
        return true;
    }

    /** The claim was not used (no worker was free): the connection is due again at once. */
    void release(long id, long dueNanos) {
        nextDueNanos.put(id, dueNanos);
        inFlight.remove(id);
    }

    /** Whether connection {@code id} is being polled now. */
    boolean inFlight(long id) {
        return inFlight.containsKey(id);
    }

    void done(long id) {
        inFlight.remove(id);
    }

    /** Forgets connections that no longer exist. */
    void retain(Collection<Long> ids) {
        nextDueNanos.keySet().retainAll(ids);
    }
}
