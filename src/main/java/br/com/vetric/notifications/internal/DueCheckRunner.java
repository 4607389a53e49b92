package br.com.vetric.notifications.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.notifications.internal.DueCheckRepository.DueCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the due checks whose time has come, many per transaction against one batch context (a poll's worth of checks
 * costs a few statements, not a few per check). When a batch fails, its checks run one per transaction, so a failing
 * one cannot block the others; it is retried a minute later.
 */
@Component
public class DueCheckRunner {

    private static final Logger log = LoggerFactory.getLogger(DueCheckRunner.class);
    static final int BATCH = 500;

    private final DueCheckRepository repository;
    private final NotificationRules rules;
    private final Condominiums condominiums;
    private final TransactionTemplate tx;
    private final Clock clock;

    DueCheckRunner(
            DueCheckRepository repository,
            NotificationRules rules,
            Condominiums condominiums,
            TransactionTemplate tx,
            Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.condominiums = condominiums;
        this.tx = tx;
        this.clock = clock;
    }

    public int runDueChecks() {
        int ran = 0;
        for (Condominium c : condominiums.active()) { // a deactivated condominium's checks wait
            for (int round = 0; round < 100; round++) {
                int n;
                try {
                    n = tx.execute(s -> {
                        List<DueCheck> due = repository.lockDue(c.id(), clock.instant(), BATCH);
                        if (!due.isEmpty()) {
                            rules.runLocked(c.id(), due);
                        }
                        return due.size();
                    });
                } catch (RuntimeException e) {
                    log.warn(
                            "A batch of due checks of condominium {} failed ({}); running them one by one",
                            c.id(),
                            e.toString());
                    n = oneByOne(c);
                }
                ran += n;
                if (n < BATCH) {
                    break;
                }
            }
        }
        return ran;
    }

    private int oneByOne(Condominium c) {
        int ran = 0;
        for (int i = 0; i < BATCH; i++) {
            DueCheck[] current = new DueCheck[1];
            try {
                Boolean found = tx.execute(s -> {
                    List<DueCheck> due = repository.lockDue(c.id(), clock.instant(), 1);
                    if (due.isEmpty()) {
                        return false;
                    }
                    current[0] = due.getFirst();
                    rules.runLocked(c.id(), due);
                    return true;
                });
                if (!Boolean.TRUE.equals(found)) {
                    break;
                }
                ran++;
            } catch (RuntimeException e) {
                if (current[0] == null) {
                    throw e;
                }
                log.error(
                        "Due check {} ({} {}) failed; retrying in 1 min",
                        current[0].id(),
                        current[0].kind(),
                        current[0].subject(),
                        e);
                tx.executeWithoutResult(s -> repository.reschedule(
                        c.id(), current[0].id(), clock.instant().plus(Duration.ofMinutes(1)), clock.instant()));
            }
        }
        return ran;
    }
}
