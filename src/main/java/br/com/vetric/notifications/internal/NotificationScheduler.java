package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.platform.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every {@code vetric.notifications.tick}: run the due checks, then deliver the outbox. Off when
 * {@code vetric.notifications.scheduler-enabled=false} (tests drive both by hand).
 */
@Component
class NotificationScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationScheduler.class);

    private final DueCheckRunner dueChecks;
    private final DeliveryWorker worker;
    private final NotificationProperties props;

    NotificationScheduler(DueCheckRunner dueChecks, DeliveryWorker worker, NotificationProperties props) {
        this.dueChecks = dueChecks;
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
            Tenancy.acrossAll("due checks and deliveries of every condominium, claimed together", () -> {
                dueChecks.runDueChecks();
                worker.deliverPending();
            });
        } catch (RuntimeException e) {
            log.error("Notification tick failed", e); // the next tick tries again
        }
    }
}
