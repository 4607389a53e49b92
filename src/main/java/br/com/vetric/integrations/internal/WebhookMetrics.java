package br.com.vetric.integrations.internal;

import br.com.vetric.platform.DeliveryMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Webhook meters: {@code vetric_deliveries_total{channel="webhook", status=DELIVERED|RETRY|FAILED}} (as the WhatsApp
 * outbox's, by the instance that made the attempt) and {@code vetric_outbox_backlog{channel="webhook"}}.
 */
@Component
class WebhookMetrics {

    static final String WEBHOOK = "webhook";

    private final DeliveryMeters meters;

    WebhookMetrics(MeterRegistry registry, WebhookRepository repository) {
        meters = new DeliveryMeters(
                registry,
                WEBHOOK,
                "webhook deliveries waiting in every condominium (a metric)",
                repository::backlog,
                "DELIVERED",
                "RETRY",
                "FAILED");
    }

    void count(String status) {
        meters.count(status);
    }
}
