package br.com.vetric.reports.internal;

import br.com.vetric.platform.ScheduledJobs;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.reports.ReportsProperties;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import br.com.vetric.sync.SyncCompleted;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * condominium's own time zone, for those that lack its statement (one query when none does), on one instance.
 */
@Component
class StatementScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StatementScheduler.class);

    private final StatementService statements;
    private final ReportsProperties props;
    private final ScheduledJobs jobs;

    private final Set<CondominiumId> caughtUp = ConcurrentHashMap.newKeySet();

    StatementScheduler(StatementService statements, ReportsProperties props, ScheduledJobs jobs) {
        this.statements = statements;
        this.jobs = jobs;
        this.props = props;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.statementSchedule()) {
            registrar.addCronTask(new CronTask(
                    () -> jobs.once("monthly-statements", Duration.ofMinutes(5), Duration.ofHours(1), this::monthly),
                    new CronTrigger(props.statementCron(), Zones.SAO_PAULO)));
        }
    }

    /**
     * Catches up once per start and condominium, after its first successful sync cycle (so its imported history is
     * in, even when its account is polled later than another's): a server that was down on the 1st, or a fresh demo,
     * still gets the previous month's statement. Idempotent: months that have one are skipped.
     */
    @EventListener
    void catchUp(SyncCompleted cycle) {
        if (!cycle.success()
                || !props.statementSchedule()
                || !props.catchUpOnStart()
                || !caughtUp.add(cycle.condominiumId())) {
            return;
        }
        try {
            int n = Tenancy.within(
                    cycle.condominiumId(),
                    () -> statements.generateMissingForPreviousMonth(Set.of(cycle.condominiumId())));
            if (n > 0) {
                log.info(
                        "Generated the previous month's missing statement of condominium {} after its first sync",
                        cycle.condominiumId());
            }
        } catch (RuntimeException e) {
            log.error("Could not catch up the previous month's statements", e);
        }
    }

    void monthly() {
        int n = Tenancy.acrossAll(
                "the monthly statements of every condominium", () -> statements.generateMissingForPreviousMonth());
        if (n > 0) {
            log.info("Monthly statement job generated {} statement(s)", n);
        }
    }
}
