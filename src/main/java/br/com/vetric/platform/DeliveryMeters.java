package br.com.vetric.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The meters of one durable outbox channel (WhatsApp, webhooks…): {@code vetric_outbox_backlog{channel}} (waiting or
 * in flight in every condominium, read from the database at each scrape; NaN when it cannot be read) and
 * {@code vetric_deliveries_total{channel, status}}, counted by the instance that made the attempt.
 */
public final class DeliveryMeters {

    private final Map<String, Counter> deliveries = new LinkedHashMap<>();

    /** {@code backlog} runs across every condominium ({@code why} names it for the scope); {@code statuses} are the outcomes counted. */
    public DeliveryMeters(
            MeterRegistry registry,
            String channel,
            String why,
            Supplier<? extends Number> backlog,
            String... statuses) {
        Gauge.builder("vetric.outbox.backlog", () -> backlog(why, backlog))
                .description("Outbox entries waiting to be delivered or in flight")
                .tag("channel", channel)
                .register(registry);
        for (String status : statuses) {
            deliveries.put(
                    status,
                    Counter.builder("vetric.deliveries")
                            .description("Delivery attempts, by outcome")
                            .tag("channel", channel)
                            .tag("status", status)
                            .register(registry));
        }
    }

    /** One attempt ended with {@code status} (one of those given at construction). */
    public void count(String status) {
        Counter c = deliveries.get(status);
        if (c == null) {
            throw new IllegalArgumentException("not a delivery outcome of this channel: " + status);
        }
        c.increment();
    }

    private static double backlog(String why, Supplier<? extends Number> backlog) {
        try {
            return Tenancy.acrossAll(why, backlog::get).doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
