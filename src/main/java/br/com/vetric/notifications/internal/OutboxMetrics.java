package br.com.vetric.notifications.internal;

import br.com.vetric.platform.DeliveryMeters;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final DeliveryMeters meters;

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        meters = new DeliveryMeters(
                registry,
                WHATSAPP,
                "messages waiting in every condominium (a metric)",
                () -> jdbc.sql("select count(*) from notification_outbox where status in ('PENDING', 'IN_FLIGHT')")
                        .query(Long.class)
                        .single(),
                "SENT",
                "RETRY",
                "FAILED");
    }

    void sent() {
        meters.count("SENT");
    }

    void retry() {
        meters.count("RETRY");
    }

    void failed() {
        meters.count("FAILED");
    }
}
