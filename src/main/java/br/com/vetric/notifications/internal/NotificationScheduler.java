package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.platform.ScheduledJobs;
import br.com.vetric.platform.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every {@code vetric.notifications.tick}: run the due checks (on one instance of several), then deliver the outbox
 * (on every instance: each claims different messages). Off when
 * {@code vetric.notifications.scheduler-enabled=false} (tests drive both by hand).
 */
@Component
class NotificationScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationScheduler.class);

    private final DueCheckRunner dueChecks;
    private final DeliveryWorker worker;
    private final NotificationProperties props;
    private final ScheduledJobs jobs;

    NotificationScheduler(
            DueCheckRunner dueChecks, DeliveryWorker worker, NotificationProperties props, ScheduledJobs jobs) {
        this.dueChecks = dueChecks;
        this.jobs = jobs;
        this.worker = worker;
        this.props = props;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.schedulerEnabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::tick, props.tick(), props.tick()));
        }
    }

    void tick() {
        try {
            // due checks on one instance per tick; deliveries on every instance (each claims its own, SKIP LOCKED)
            jobs.once(
                    "notification-due-checks",
                    props.tick().multipliedBy(4).dividedBy(5),
                    props.tick().multipliedBy(30),
                    () -> Tenancy.acrossAll("due checks of every condominium", dueChecks::runDueChecks));
            Tenancy.acrossAll("deliveries of every condominium, claimed by this instance", worker::deliverPending);
        } catch (RuntimeException e) {
            log.error("Notification tick failed", e); // the next tick tries again
        }
    }
}
