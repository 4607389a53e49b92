package br.com.vetric.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.sessions.SessionEvents.SessionEvent;
import br.com.vetric.sessions.SessionEvents.SessionStarted;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.support.HttpFrom;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks end to end on one machine: batches of session changes (as a poll publishes them) committed with their
 * outbox rows, signed and delivered by the worker to a local receiver (the JDK's HTTP server). Reports events per
 * second delivered and the delay from the change's commit to the receiver (median, p99). Not part of verify; run with
 * {@code ./mvnw test -Pbenchmark -Dtest=WebhookBenchmark} (docs/BENCHMARKS.md).
 */
@Tag("benchmark")
@IntegrationsTest
class WebhookBenchmark {

    static final int BATCHES = Integer.getInteger("bench.batches", 50);
    static final int PER_BATCH = Integer.getInteger("bench.per-batch", 100);

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void eventsSignedAndDeliveredToALocalReceiver() {
        HttpFrom http = HttpFrom.address("127.0.0.1", port);
        String admin = IntegrationsFixtures.admin(http);
        Condominium condo = condominiums.create(
                new CondominiumCommand("Bench " + System.nanoTime(), null, null, null, null, null, "enterprise", true));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            assertThat(http.postJson(
                                    "/api/v1/webhooks",
                                    "{\"url\":\"" + receiver.url() + "\",\"events\":[\"charging_session.started\"]}",
                                    "Authorization",
                                    admin,
                                    CurrentCondominium.HEADER,
                                    condo.id().toString())
                            .statusCode())
                    .isEqualTo(201);
            Map<Long, Long> committedAt = new HashMap<>(); // session id → nanoTime of its batch's commit
            long start = System.nanoTime();
            long session = 1;
            for (int b = 0; b < BATCHES; b++) {
                List<SessionEvent> batch = new ArrayList<>();
                for (int i = 0; i < PER_BATCH; i++, session++) {
                    batch.add(new SessionStarted(
                            condo.id(),
                            session,
                            "uuid-" + i,
                            "Vaga " + i,
                            1,
                            null,
                            "TAG",
                            SessionStatus.CHARGING,
                            Instant.now()));
                }
                tx.executeWithoutResult(s -> events.publishEvent(new SessionsChanged(condo.id(), batch)));
                long now = System.nanoTime();
                batch.forEach(e -> committedAt.put(e.sessionId(), now));
                sleepQuietly(20); // changes arrive over time, as polls do
            }
            int total = BATCHES * PER_BATCH;
            await().atMost(Duration.ofMinutes(5)).until(() -> receiver.received.size() >= total);
            long end = receiver.received.stream()
                    .mapToLong(WebhookReceiver.Received::atNanos)
                    .max()
                    .orElseThrow();
            List<Long> delays = receiver.received.stream()
                    .map(r ->
                            r.atNanos() - committedAt.get(((Number) JsonPath.read(r.body(), "$.data.id")).longValue()))
                    .sorted()
                    .toList();
            double seconds = (end - start) / 1e9;
            System.out.printf(
                    "WEBHOOK BENCHMARK: %d events in %d batches; %.0f events/s delivered (%.2f s); change→delivery"
                            + " median %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    total,
                    BATCHES,
                    total / seconds,
                    seconds,
                    delays.get(delays.size() / 2) / 1e6,
                    delays.get((int) Math.ceil(delays.size() * 0.99) - 1) / 1e6,
                    delays.getLast() / 1e6);
            assertThat(receiver.received).hasSize(total);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
