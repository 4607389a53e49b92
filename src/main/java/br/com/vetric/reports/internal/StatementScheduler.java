package br.com.vetric.reports.internal;

import br.com.vetric.reports.Reports;
import br.com.vetric.reports.ReportsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On the 1st of each month (São Paulo), the previous month's statement of every condominium that lacks one. */
@Component
class StatementScheduler {

    private static final Logger log = LoggerFactory.getLogger(StatementScheduler.class);

    private final Reports reports;
    private final ReportsProperties props;

    private final boolean catchUpOnStart;

    StatementScheduler(Reports reports, ReportsProperties props,
                       @Value("${vetric.reports.catch-up-on-start:true}") boolean catchUpOnStart) {
        this.reports = reports;
        this.props = props;
        this.catchUpOnStart = catchUpOnStart;
    }

    /**
     * Catches up after start: a server that was down on the 1st (or a fresh demo) still gets the previous
     * month's statement. Idempotent: months that have one are skipped.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        if (!props.statementSchedule() || !catchUpOnStart) {
            return;
        }
        try {
            int n = reports.generateMissingForPreviousMonth();
            if (n > 0) {
                log.info("Generated {} missing statement(s) for the previous month at start", n);
            }
        } catch (RuntimeException e) {
            log.error("Could not catch up the previous month's statements at start", e);
        }
    }

    @Scheduled(cron = "${vetric.reports.statement-cron:0 0 6 1 * *}", zone = "America/Sao_Paulo")
    void monthly() {
        if (!props.statementSchedule()) {
            return;
        }
        int n = reports.generateMissingForPreviousMonth();
        log.info("Monthly statement job generated {} statement(s)", n);
    }
}
