package br.com.vetric.notifications.internal;

import br.com.vetric.platform.Tenancy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's meters: {@code vetric_outbox_backlog} (messages waiting or in flight, every condominium, read from the
 * database at each scrape) and {@code vetric_deliveries_total} by channel and outcome ({@code SENT}, {@code RETRY},
 * {@code FAILED}), counted by the instance that made the attempt.
 */
@Component
class OutboxMetrics {

    static final String WHATSAPP = "whatsapp";

    private final Map<String, Counter> deliveries;

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("vetric.outbox.backlog", jdbc, OutboxMetrics::backlog)
                .description("Notifications waiting to be delivered or in flight")
                .tag("channel", WHATSAPP)
                .register(registry);
        deliveries = Map.of(
                "SENT", delivery(registry, "SENT"),
                "RETRY", delivery(registry, "RETRY"),
                "FAILED", delivery(registry, "FAILED"));
    }

    private static Counter delivery(MeterRegistry registry, String status) {
        return Counter.builder("vetric.deliveries")
                .description("Delivery attempts, by outcome")
                .tag("channel", WHATSAPP)
                .tag("status", status)
                .register(registry);
    }

    void sent() {
        deliveries.get("SENT").increment();
    }

    void retry() {
        deliveries.get("RETRY").increment();
    }

    void failed() {
        deliveries.get("FAILED").increment();
    }

    private static double backlog(JdbcClient jdbc) {
        try {
            return Tenancy.acrossAll(
                    "messages waiting in every condominium (a metric)",
                    () -> jdbc.sql("select count(*) from notification_outbox where status in ('PENDING', 'IN_FLIGHT')")
                            .query(Long.class)
                            .single());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
