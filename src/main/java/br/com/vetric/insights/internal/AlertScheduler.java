package br.com.vetric.insights.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.insights.InsightsProperties;
import br.com.vetric.platform.ScheduledJobs;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.shared.Zones;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Every {@code vetric.insights.alert-cron} (hourly by default): each active condominium's check, in its own scope and
 * time zone, once across the instances ({@link ScheduledJobs}); even run twice it would send nothing twice (the
 * incidents' and the outbox's unique keys).
 */
@Component
class AlertScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    private final Alerts alerts;
    private final Condominiums condominiums;
    private final InsightsProperties props;
    private final ScheduledJobs jobs;

    AlertScheduler(Alerts alerts, Condominiums condominiums, InsightsProperties props, ScheduledJobs jobs) {
        this.alerts = alerts;
        this.condominiums = condominiums;
        this.props = props;
        this.jobs = jobs;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.alertSchedule()) {
            registrar.addCronTask(new CronTask(
                    () -> jobs.once("insight-alerts", Duration.ofMinutes(5), Duration.ofMinutes(30), this::checkAll),
                    new CronTrigger(props.alertCron(), Zones.SAO_PAULO)));
        }
    }

    void checkAll() {
        int raised = 0;
        for (Condominium c : condominiums.active()) {
            try {
                raised += Tenancy.within(c.id(), () -> alerts.check(c.id()));
            } catch (RuntimeException e) {
                log.error("Could not check the unusual patterns of condominium {}", c.id(), e);
            }
        }
        if (raised > 0) {
            log.info("Alert check raised {} new incident(s)", raised);
        }
    }
}
