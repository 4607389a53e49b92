package br.com.vetric.sessions.internal;

import br.com.vetric.platform.Tenancy;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.shared.EndReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Charging sessions' meters: {@code vetric_sessions_open} (every condominium's open sessions, read from the database
 * at each scrape, so every instance shows the same number) and {@code vetric_sessions_closed_total} by end reason
 * ({@code UNKNOWN} when CVE-PRO gave none), counted when the poll that closed them commits, by the instance that
 * polled.
 */
@Component
class SessionMetrics {

    static final String UNKNOWN = "UNKNOWN";

    private final Map<EndReason, Counter> closed = new EnumMap<>(EndReason.class);
    private final Counter closedUnknown;

    SessionMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("vetric.sessions.open", jdbc, SessionMetrics::open)
                .description("Charging sessions open now (all condominiums)")
                .register(registry);
        for (EndReason r : EndReason.values()) {
            closed.put(r, closedCounter(registry, r.name()));
        }
        closedUnknown = closedCounter(registry, UNKNOWN);
    }

    private static Counter closedCounter(MeterRegistry registry, String reason) {
        return Counter.builder("vetric.sessions.closed")
                .description("Charging sessions closed, by end reason")
                .tag("reason", reason)
                .register(registry);
    }

    private static double open(JdbcClient jdbc) {
        try {
            return Tenancy.acrossAll(
                    "open sessions of every condominium (a metric)",
                    () -> jdbc.sql("select count(*) from charging_session where ended_at is null")
                            .query(Long.class)
                            .single());
        } catch (RuntimeException e) {
            return Double.NaN; // the database is down: no number rather than a wrong one
        }
    }

    @EventListener
    void on(SessionsChanged changed) {
        List<SessionFinished> finished = changed.of(SessionFinished.class);
        if (finished.isEmpty()) {
            return;
        }
        Runnable count = () -> finished.forEach(f -> {
            EndReason reason = f.endReason();
            (reason == null ? closedUnknown : closed.get(reason)).increment();
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
