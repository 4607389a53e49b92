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

/** Runs the due checks whose time has come, one per transaction (a failing one cannot block the others). */
@Component
public class DueCheckRunner {

    private static final Logger log = LoggerFactory.getLogger(DueCheckRunner.class);

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
        for (Condominium c : condominiums.all()) {
            for (int i = 0; i < 1000; i++) {
                DueCheck[] current = new DueCheck[1];
                try {
                    Boolean found = tx.execute(s -> {
                        List<DueCheck> due = repository.lockDue(c.id(), clock.instant(), 1);
                        if (due.isEmpty()) {
                            return false;
                        }
                        current[0] = due.getFirst();
                        rules.run(c.id(), due.getFirst());
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
        }
        return ran;
    }
}
