package br.com.vetric.integrations.internal;

import br.com.vetric.integrations.IntegrationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Every {@code webhooksTick}: deliver what is due. Off when {@code vetric.integrations.webhooks-enabled=false}. */
@Component
class WebhookScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebhookScheduler.class);

    private final WebhookWorker worker;
    private final IntegrationsProperties props;

    WebhookScheduler(WebhookWorker worker, IntegrationsProperties props) {
        this.worker = worker;
        this.props = props;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.webhooksEnabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::tick, props.webhooksTick(), props.webhooksTick()));
        }
    }

    void tick() {
        try {
            worker.deliverDue();
        } catch (RuntimeException e) {
            log.error("Webhook delivery tick failed", e); // the next tick tries again
        }
    }
}
