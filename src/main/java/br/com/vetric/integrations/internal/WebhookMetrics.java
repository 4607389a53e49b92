package br.com.vetric.integrations.internal;

import br.com.vetric.platform.Tenancy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Webhook meters: {@code vetric_deliveries_total{channel="webhook", status=DELIVERED|RETRY|FAILED}} (as the WhatsApp
 * outbox's, by the instance that made the attempt) and {@code vetric_outbox_backlog{channel="webhook"}}.
 */
@Component
class WebhookMetrics {

    static final String WEBHOOK = "webhook";

    private final Map<String, Counter> deliveries;

    WebhookMetrics(MeterRegistry registry, WebhookRepository repository) {
        Gauge.builder("vetric.outbox.backlog", repository, WebhookMetrics::backlog)
                .description("Webhook deliveries waiting or in flight")
                .tag("channel", WEBHOOK)
                .register(registry);
        deliveries = Map.of(
                "DELIVERED", counter(registry, "DELIVERED"),
                "RETRY", counter(registry, "RETRY"),
                "FAILED", counter(registry, "FAILED"));
    }

    private static Counter counter(MeterRegistry registry, String status) {
        return Counter.builder("vetric.deliveries")
                .description("Delivery attempts, by outcome")
                .tag("channel", WEBHOOK)
                .tag("status", status)
                .register(registry);
    }

    void count(String status) {
        deliveries.get(status).increment();
    }

    private static double backlog(WebhookRepository repository) {
        try {
            return Tenancy.acrossAll("webhook deliveries waiting in every condominium (a metric)", repository::backlog);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
