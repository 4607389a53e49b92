package br.com.vetric.reports.internal;

import br.com.vetric.platform.Tenancy;
import br.com.vetric.reports.ReportsProperties;
import br.com.vetric.shared.Zones;
import br.com.vetric.sync.SyncCompleted;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Every {@code vetric.reports.statement-cron} (hourly by default): the month that just ended in each active
 * condominium's own time zone, for those that lack its statement (one query when none does).
 */
@Component
class StatementScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StatementScheduler.class);

    private final StatementService statements;
    private final ReportsProperties props;

    private final AtomicBoolean caughtUp = new AtomicBoolean();

    StatementScheduler(StatementService statements, ReportsProperties props) {
        this.statements = statements;
        this.props = props;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.statementSchedule()) {
            registrar.addCronTask(new CronTask(this::monthly, new CronTrigger(props.statementCron(), Zones.SAO_PAULO)));
        }
    }

    /**
     * Catches up once per start, after the first successful sync cycle (so a fresh installation's imported
     * history is in): a server that was down on the 1st, or a fresh demo, still gets the previous month's
     * statement. Idempotent: months that have one are skipped.
     */
    @EventListener
    void catchUp(SyncCompleted cycle) {
        if (!cycle.success()
                || !props.statementSchedule()
                || !props.catchUpOnStart()
                || !caughtUp.compareAndSet(false, true)) {
            return;
        }
        try {
            int n = Tenancy.acrossAll(
                    "the previous month's missing statements of every condominium",
                    statements::generateMissingForPreviousMonth);
            if (n > 0) {
                log.info("Generated {} missing statement(s) for the previous month after the first sync", n);
            }
        } catch (RuntimeException e) {
            log.error("Could not catch up the previous month's statements", e);
        }
    }

    void monthly() {
        int n = Tenancy.acrossAll(
                "the monthly statements of every condominium", statements::generateMissingForPreviousMonth);
        if (n > 0) {
            log.info("Monthly statement job generated {} statement(s)", n);
        }
    }
}
