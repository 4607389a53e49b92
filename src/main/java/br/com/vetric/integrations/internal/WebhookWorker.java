package br.com.vetric.integrations.internal;

import br.com.vetric.integrations.IntegrationsProperties;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.Notifications;
import br.com.vetric.platform.Tenancy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the webhook outbox, as the WhatsApp {@code DeliveryWorker}: deliveries are claimed (PENDING → IN_FLIGHT,
 * attempts + 1, with a lease; {@code FOR UPDATE SKIP LOCKED}, so several instances share the work) in a short
 * transaction, sent outside any transaction, and their outcome recorded at once: 2xx DELIVERED; 410 disables the
 * endpoint; anything else back to PENDING after the back-off (with jitter), until the delivery is older than
 * {@code webhooksDisableAfter} (FAILED). An endpoint that has not succeeded for {@code webhooksDisableAfter} is
 * disabled, its waiting deliveries FAILED, and the reason shown on its page (and logged as a warning); either way of
 * disabling tells the managers once (WhatsApp, {@code WEBHOOK_DISABLED}). A worker that
 * dies after a claim leaves the row IN_FLIGHT; once the lease runs out it is claimed again, with the same webhook-id.
 */
@Component
class WebhookWorker {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    private final WebhookRepository repository;
    private final WebhookService service;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final IntegrationsProperties props;
    private final TransactionTemplate tx;
    private final Notifications notifications;
    private final Clock clock;
    private volatile Instant bodiesForgottenAt = Instant.EPOCH;

    WebhookWorker(
            WebhookRepository repository,
            WebhookService service,
            WebhookSender sender,
            WebhookMetrics metrics,
            IntegrationsProperties props,
            TransactionTemplate tx,
            Notifications notifications,
            Clock clock) {
        this.repository = repository;
        this.service = service;
        this.sender = sender;
        this.metrics = metrics;
        this.props = props;
        this.tx = tx;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Delivers everything due now, every condominium; returns how many attempts were made. */
    int deliverDue() {
        return Tenancy.acrossAll("webhook deliveries of every condominium, claimed together", () -> {
            forgetOldBodies();
            int attempts = 0;
            for (int round = 0; round < 100; round++) {
                Instant now = clock.instant();
                List<WebhookRepository.Claimed> claimed = tx.execute(
                        s -> repository.claim(now, now.plus(props.webhooksLease()), props.webhooksBatchSize()));
                if (claimed == null || claimed.isEmpty()) {
                    break;
                }
                for (WebhookRepository.Claimed d : claimed) {
                    try (MDC.MDCCloseable c =
                            MDC.putCloseable("condominium", d.condo().toString())) {
                        attempt(d);
                    } catch (RuntimeException e) {
                        log.error("Webhook delivery {} could not be attempted", d.id(), e); // its lease runs out
                    }
                    attempts++;
                }
                if (claimed.size() < props.webhooksBatchSize()) {
                    break;
                }
            }
            return attempts;
        });
    }

    private void attempt(WebhookRepository.Claimed d) {
        Instant now = clock.instant();
        WebhookRepository.Secrets endpoint = repository.secrets(d.endpointId());
        if (d.body() == null) {
            repository.record(d.id(), d.attempt(), "FAILED", null, "body no longer kept", 0, null, now);
            metrics.count("FAILED");
            return;
        }
        long timestamp = now.getEpochSecond();
        String signature =
                WebhookSigner.signature(service.signingSecrets(endpoint, now), d.messageId(), timestamp, d.body());
        WebhookSender.Outcome o = sender.send(endpoint.url(), d.messageId(), timestamp, signature, d.body());
        Instant after = clock.instant();
        if (o.delivered()) {
            repository.record(d.id(), d.attempt(), "DELIVERED", o.code(), null, o.durationMs(), null, after);
            repository.succeeded(d.endpointId());
            metrics.count("DELIVERED");
            log.info(
                    "Webhook {} delivered to endpoint {} (attempt {}, HTTP {}, {} ms)",
                    d.messageId(),
                    d.endpointId(),
                    d.attempt(),
                    o.code(),
                    o.durationMs());
            return;
        }
        if (o.gone()) {
            repository.record(d.id(), d.attempt(), "FAILED", o.code(), o.error(), o.durationMs(), null, after);
            metrics.count("FAILED");
            disable(d.endpointId(), "o endereço respondeu 410 (Gone)", "respondeu 410", after);
            return;
        }
        Instant failingSince = repository.failed(d.endpointId(), after);
        boolean tooOld = !d.createdAt().plus(props.webhooksDisableAfter()).isAfter(after);
        if (tooOld) {
            repository.record(d.id(), d.attempt(), "FAILED", o.code(), o.error(), o.durationMs(), null, after);
            metrics.count("FAILED");
            log.warn(
                    "Webhook {} to endpoint {} FAILED after {} attempts: {}",
                    d.messageId(),
                    d.endpointId(),
                    d.attempt(),
                    o.error());
        } else {
            Instant next = after.plus(backoff(d.attempt()));
            repository.record(d.id(), d.attempt(), "PENDING", o.code(), o.error(), o.durationMs(), next, after);
            metrics.count("RETRY");
            log.info(
                    "Webhook {} to endpoint {} not delivered ({}), attempt {}, retry at {}",
                    d.messageId(),
                    d.endpointId(),
                    o.error(),
                    d.attempt(),
                    next);
        }
        if (!failingSince.plus(props.webhooksDisableAfter()).isAfter(after)) {
            disable(
                    d.endpointId(),
                    "falhou sem parar desde " + failingSince + " (3 dias)",
                    "ficou 3 dias sem entrega",
                    after);
        }
    }

    /**
     * Disables the endpoint and, in the same transaction, tells the condominium's managers once (the subject is the
     * endpoint and the moment of this disabling); {@code what} ends "O endereço {host} …".
     */
    private void disable(long endpointId, String reason, String what, Instant now) {
        Optional<WebhookRepository.Disabled> disabled = tx.execute(s -> {
            Optional<WebhookRepository.Disabled> d = repository.disable(endpointId, reason, now);
            d.ifPresent(e -> notifications.notifyManagers(
                    e.condominiumId(),
                    NotificationKind.WEBHOOK_DISABLED,
                    "webhook-disabled:" + endpointId + ":" + now.toEpochMilli(),
                    Map.of("motivo", "O endereço " + host(e.url()) + " " + what + "."),
                    null));
            return d;
        });
        if (disabled != null && disabled.isPresent()) {
            // the managers are told (WhatsApp) and see it on the webhooks page; the operator in the logs
            log.warn(
                    "Webhook endpoint {} of condominium {} DISABLED: {}",
                    endpointId,
                    disabled.get().condominiumId(),
                    reason);
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The wait after the {@code attempt}-th failed attempt: the schedule's, moved at random by the jitter. */
    Duration backoff(int attempt) {
        List<Duration> schedule = props.webhooksBackoff();
        Duration base = schedule.get(Math.min(attempt, schedule.size()) - 1);
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * props.webhooksJitter();
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }

    private void forgetOldBodies() {
        Instant now = clock.instant();
        if (bodiesForgottenAt.plus(Duration.ofHours(1)).isAfter(now)) {
            return;
        }
        bodiesForgottenAt = now;
        int n = repository.forgetBodies(now.minus(props.webhooksBodyRetention()));
        if (n > 0) {
            log.info("Bodies of {} webhook deliveries older than {} forgotten", n, props.webhooksBodyRetention());
        }
    }
}
