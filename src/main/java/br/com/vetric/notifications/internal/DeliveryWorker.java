package br.com.vetric.notifications.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.condominium.Feature;
import br.com.vetric.condominium.Plan;
import br.com.vetric.condominium.Plans;
import br.com.vetric.notifications.DeliveryFailure;
import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.notifications.WhatsAppProvider;
import br.com.vetric.notifications.internal.OutboxRepository.Claimed;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. A message is claimed (PENDING → IN_FLIGHT, attempts + 1, with a lease) in a short
 * transaction, sent outside any transaction, then marked SENT (2xx only), back to PENDING with backoff
 * (network error, timeout, 5xx, 429) or FAILED (other 4xx, or attempts exhausted). A worker that dies after the
 * claim leaves the row IN_FLIGHT; when the lease runs out it is claimed again. A deactivated condominium sends
 * nothing: its waiting messages are SKIPPED ("condomínio desativado"), so a reactivation sends nothing stale. So does
 * a condominium whose plan does not include WhatsApp ("plano básico não inclui avisos por WhatsApp").
 */
@Component
public class DeliveryWorker {

    /** Why a deactivated condominium's waiting messages are not sent (the delivery log shows it). */
    static final String INACTIVE = "condomínio desativado";

    /** Why the messages of a condominium whose plan lacks WhatsApp are not sent ("plano básico não inclui ..."). */
    static String notInPlan(Plan plan) {
        return "plano " + plan.code() + " não inclui avisos por WhatsApp";
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final OutboxRepository outbox;
    private final SettingsService settings;
    private final Condominiums condominiums;
    private final Plans plans;
    private final NotificationProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OutboxMetrics metrics;
    private final Map<WhatsAppProvider, WhatsAppGateway> gateways = new EnumMap<>(WhatsAppProvider.class);

    DeliveryWorker(
            OutboxRepository outbox,
            SettingsService settings,
            Condominiums condominiums,
            Plans plans,
            NotificationProperties props,
            TransactionTemplate tx,
            Clock clock,
            OutboxMetrics metrics,
            List<WhatsAppGateway> gateways) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.settings = settings;
        this.condominiums = condominiums;
        this.plans = plans;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
        gateways.forEach(g -> this.gateways.put(g.provider(), g));
        for (WhatsAppProvider p : WhatsAppProvider.values()) {
            if (!this.gateways.containsKey(p)) {
                throw new IllegalStateException("no WhatsApp gateway for provider " + p);
            }
        }
    }

    /** Delivers every message that is due now; returns how many attempts were made. */
    public int deliverPending() {
        int attempts = 0;
        for (Condominium c : condominiums.all()) {
            if (!c.active()) {
                int skipped = outbox.skipPending(c.id(), clock.instant(), INACTIVE);
                if (skipped > 0) {
                    log.info("{} message(s) of deactivated condominium {} skipped", skipped, c.id());
                }
                continue;
            }
            if (!plans.limits(c.plan()).allows(Feature.WHATSAPP)) {
                int skipped = outbox.skipPending(c.id(), clock.instant(), notInPlan(c.plan()));
                if (skipped > 0) {
                    log.info(
                            "{} message(s) of condominium {} skipped: plan {} has no WhatsApp",
                            skipped,
                            c.id(),
                            c.plan());
                }
                continue;
            }
            for (int round = 0; round < 100; round++) {
                Instant now = clock.instant();
                List<Claimed> claimed =
                        tx.execute(s -> outbox.claim(c.id(), now, now.plus(props.lease()), props.batchSize()));
                if (claimed == null || claimed.isEmpty()) {
                    break;
                }
                StoredSettings current = settings.current(c.id()); // read once per batch, not per message
                for (Claimed m : claimed) {
                    deliver(m, current);
                    attempts++;
                }
                if (claimed.size() < props.batchSize()) {
                    break;
                }
            }
        }
        return attempts;
    }

    /**
     * Sends one message and records the answer at once (a message accepted by the gateway is marked SENT before the
     * next is sent, so a crash can repeat at most the one message in flight).
     */
    private void deliver(Claimed m, StoredSettings s) {
        try (MDC.MDCCloseable c = MDC.putCloseable("condominium", m.condo().toString());
                MDC.MDCCloseable n = MDC.putCloseable("notification", Long.toString(m.id()))) {
            attempt(m, s);
        }
    }

    private void attempt(Claimed m, StoredSettings s) {
        CondominiumId condo = m.condo();
        WhatsAppGateway gateway = gateways.get(s.provider());
        SendResult result;
        try {
            result = gateway.send(s, m.phone(), m.body(), m.kind(), m.params());
        } catch (RuntimeException e) {
            result = SendResult.failed(DeliveryFailure.UNEXPECTED, null);
            log.warn("Gateway {} threw while sending message {}", s.provider(), m.id(), e);
        }
        Instant now = clock.instant();
        String provider = s.provider().name();
        switch (result) {
            case SendResult.Accepted a -> {
                metrics.sent();
                if (outbox.markSent(condo, m.id(), m.attempt(), provider, a.messageId(), now)) {
                    log.info(
                            "Notification {} ({}) sent to {} via {} (attempt {})",
                            m.id(),
                            m.kind(),
                            Phones.mask(m.phone()),
                            provider,
                            m.attempt());
                } else {
                    log.warn(
                            "Notification {} was sent but its claim had expired (attempt {}); it may be sent twice",
                            m.id(),
                            m.attempt());
                }
            }
            case SendResult.Retryable r
            when m.attempt() < props.maxAttempts() -> {
                Instant next = now.plus(backoff(m.attempt()));
                outbox.markRetry(condo, m.id(), m.attempt(), provider, r.reason(), r.statusCode(), next, now);
                metrics.retry();
                log.info(
                        "Notification {} ({}) to {} not delivered ({}, HTTP {}), retry at {}",
                        m.id(),
                        m.kind(),
                        Phones.mask(m.phone()),
                        r.reason(),
                        r.statusCode(),
                        next);
            }
            case SendResult.Failed f -> {
                outbox.markFailed(condo, m.id(), m.attempt(), provider, f.reason(), f.statusCode(), now);
                metrics.failed();
                log.warn(
                        "Notification {} ({}) to {} FAILED after {} attempt(s): {}, HTTP {}",
                        m.id(),
                        m.kind(),
                        Phones.mask(m.phone()),
                        m.attempt(),
                        f.reason(),
                        f.statusCode());
            }
        }
    }

    /** initialBackoff × 2^(attempt−1), at most maxBackoff. */
    Duration backoff(int attempt) {
        Duration d = props.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(props.maxBackoff()) > 0 ? props.maxBackoff() : d;
    }

    /** Sends a test text through the condominium's current gateway (not recorded in the outbox). */
    public TestSend sendTest(CondominiumId condo, String phoneE164, String text) {
        StoredSettings s = settings.current(condo);
        SendResult r = gateways.get(s.provider()).send(s, phoneE164, text, null, List.of());
        log.info(
                "Test message to {} via {}: {}",
                Phones.mask(phoneE164),
                s.provider(),
                r.getClass().getSimpleName());
        return new TestSend(s.provider(), r);
    }

    /** A test message's outcome and the provider it went through (read once, with the settings it used). */
    public record TestSend(WhatsAppProvider provider, SendResult result) {}
}
