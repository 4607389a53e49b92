package br.com.vetric.sessions;

import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.sessions.internal.Reconciliation;
import br.com.vetric.sessions.internal.SessionRepository;
import br.com.vetric.sessions.internal.TagResolver;
import br.com.vetric.shared.CondominiumId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one complete CVE-PRO poll into session changes: load the sessions the poll concerns, apply it, save what
 * changed in one write, publish what happened. The rules live in the session itself
 * ({@code sessions.internal.Session}); in short (see field-lessons.md):
 * <ul>
 *   <li>a session is keyed by its transaction id; the status path may open it first, and the transaction then
 *       adopts it, so whichever path comes first there is one session and one {@code SessionStarted};</li>
 *   <li>start, end, energy and end reason come from the transaction whenever present;</li>
 *   <li>a session closes only on positive evidence: the transaction stopped, or the connector is Available with
 *       a status time after the session began;</li>
 *   <li>sessions open longer than {@code stuckAfter} are re-checked: closed when their connector is Available,
 *       flagged as stuck otherwise;</li>
 *   <li>while VETRIC watches a session live it records when the car was really charging (its charging intervals);
 *       after a gap in watching, that session's energy is spread over its duration instead.</li>
 * </ul>
 * Runs inside the sync cycle's transaction: a crash leaves the previous state intact.
 */
@Service
public class SessionTracker {

    /** Sessions that ended this long ago are still compared with their transaction (late corrections). */
    private static final Duration RECENT = Duration.ofHours(48);

    private final SessionRepository repository;
    private final TagResolver tags;
    private final SessionProperties props;
    private final ApplicationEventPublisher publisher;

    SessionTracker(
            SessionRepository repository,
            TagResolver tags,
            SessionProperties props,
            ApplicationEventPublisher publisher) {
        this.repository = repository;
        this.tags = tags;
        this.props = props;
        this.publisher = publisher;
    }

    /**
     * @param previousSuccess when the previous successful poll of this condominium happened (null: never); a gap
     *                        longer than {@code vetric.sessions.live-gap} means VETRIC was not watching
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SessionSyncResult reconcile(
            CondominiumId condo,
            List<ChargePointSnapshot> chargers,
            List<TransactionSnapshot> transactions,
            Instant now,
            @Nullable Instant previousSuccess) {
        Long[] ids = transactions.stream().map(TransactionSnapshot::id).toArray(Long[]::new);
        boolean watching = previousSuccess != null && !previousSuccess.isBefore(now.minus(props.liveGap()));
        Reconciliation r = new Reconciliation(
                condo,
                now,
                repository.loadWorkingSet(condo, ids, now.minus(RECENT)),
                chargers,
                watching,
                props.liveGap(),
                repository.ids());
        r.apply(transactions, tags.resolve(condo, transactions, now), chargers, props.stuckAfter());
        SessionSyncResult result = new SessionSyncResult(r.opened(), r.updated(), r.closed());
        repository.save(condo, r.sessions());
        if (!r.events().isEmpty()) {
            publisher.publishEvent(new SessionsChanged(condo, r.events()));
        }
        return result;
    }
}
