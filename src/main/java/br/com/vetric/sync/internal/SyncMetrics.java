package br.com.vetric.sync.internal;

import br.com.vetric.sync.SyncCompleted;
import br.com.vetric.sync.SyncMonitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The poll's meters, per condominium: {@code vetric_poll_duration_seconds} (each cycle, failed ones too),
 * {@code vetric_poll_failures_total} and {@code vetric_cycle_changes_total} (charger and session changes written).
 * Counted by the instance that polled. The cycle's duration is the monitor's last one: the event is published on
 * the poller's thread right after the cycle that set it.
 */
@Component
class SyncMetrics {

    private final MeterRegistry registry;
    private final SyncMonitor monitor;

    SyncMetrics(MeterRegistry registry, SyncMonitor monitor) {
        this.registry = registry;
        this.monitor = monitor;
    }

    @EventListener
    void on(SyncCompleted event) {
        String condo = event.condominiumId().toString();
        Long ms = monitor.status().lastCycleDurationMs();
        if (ms != null) {
            Timer.builder("vetric.poll.duration")
                    .description("Duration of a poll cycle (reading CVE-PRO and writing the changes)")
                    .tag("condominium", condo)
                    .register(registry)
                    .record(Duration.ofMillis(ms));
        }
        Counter failures = Counter.builder("vetric.poll.failures")
                .description("Poll cycles that failed (nothing was changed)")
                .tag("condominium", condo)
                .register(registry);
        if (!event.success()) {
            failures.increment();
        }
        Counter.builder("vetric.cycle.changes")
                .description("Charger and session changes written by poll cycles")
                .tag("condominium", condo)
                .register(registry)
                .increment(event.changes());
    }
}
