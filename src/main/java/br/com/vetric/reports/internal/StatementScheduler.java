package br.com.vetric.reports.internal;

import br.com.vetric.reports.Reports;
import br.com.vetric.reports.ReportsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On the 1st of each month (São Paulo), the previous month's statement of every condominium that lacks one. */
@Component
class StatementScheduler {

    private static final Logger log = LoggerFactory.getLogger(StatementScheduler.class);

    private final Reports reports;
    private final ReportsProperties props;

    StatementScheduler(Reports reports, ReportsProperties props) {
        this.reports = reports;
        this.props = props;
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
