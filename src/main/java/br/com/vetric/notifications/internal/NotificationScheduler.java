package br.com.vetric.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every tick: run the due checks, then deliver the outbox. Off in tests, which drive both by hand. */
@Component
@ConditionalOnProperty(name = "vetric.notifications.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class NotificationScheduler {

    private static final Logger log = LoggerFactory.getLogger(NotificationScheduler.class);

    private final DueCheckRunner dueChecks;
    private final DeliveryWorker worker;

    NotificationScheduler(DueCheckRunner dueChecks, DeliveryWorker worker) {
        this.dueChecks = dueChecks;
        this.worker = worker;
    }

    @Scheduled(initialDelayString = "${vetric.notifications.tick:10s}", fixedDelayString = "${vetric.notifications.tick:10s}")
    void tick() {
        try {
            dueChecks.runDueChecks();
            worker.deliverPending();
        } catch (RuntimeException e) {
            log.error("Notification tick failed", e); // the next tick tries again
        }
    }
}
