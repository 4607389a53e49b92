package br.com.vetric.reports.internal;

import br.com.vetric.reports.ReportsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import br.com.vetric.sync.SyncCompleted;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On the 1st of each month (São Paulo), the previous month's statement of every condominium that lacks one. */
@Component
class StatementScheduler {

    private static final Logger log = LoggerFactory.getLogger(StatementScheduler.class);

    private final StatementService statements;
    private final ReportsProperties props;

    private final boolean catchUpOnStart;
    private final AtomicBoolean caughtUp = new AtomicBoolean();

    StatementScheduler(StatementService statements, ReportsProperties props,
                       @Value("${vetric.reports.catch-up-on-start:true}") boolean catchUpOnStart) {
        this.statements = statements;
        this.props = props;
        this.catchUpOnStart = catchUpOnStart;
    }

    /**
     * Catches up once per start, after the first successful sync cycle (so a fresh installation's imported
     * history is in): a server that was down on the 1st, or a fresh demo, still gets the previous month's
     * statement. Idempotent: months that have one are skipped.
     */
    @EventListener
    void catchUp(SyncCompleted cycle) {
        if (!cycle.success() || !props.statementSchedule() || !catchUpOnStart || !caughtUp.compareAndSet(false, true)) {
            return;
        }
        try {
            int n = statements.generateMissingForPreviousMonth();
            if (n > 0) {
                log.info("Generated {} missing statement(s) for the previous month after the first sync", n);
            }
        } catch (RuntimeException e) {
            log.error("Could not catch up the previous month's statements", e);
        }
    }

    @Scheduled(cron = "${vetric.reports.statement-cron:0 0 6 1 * *}", zone = "America/Sao_Paulo")
    void monthly() {
        if (!props.statementSchedule()) {
            return;
        }
        int n = statements.generateMissingForPreviousMonth();
        log.info("Monthly statement job generated {} statement(s)", n);
    }
}
