package br.com.vetric.integrations.internal;

import br.com.vetric.integrations.IntegrationsProperties;
import br.com.vetric.integrations.WebhookDelivery;
import br.com.vetric.integrations.WebhookEndpoint;
import br.com.vetric.integrations.WebhookEvents;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.platform.SecretBox;
import br.com.vetric.shared.CondominiumId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A condominium's webhook endpoints: made, changed and removed by its managers (as its API keys: {@link
 * ApiKeyService#requireManager}); secrets shown once and kept encrypted ({@link SecretBox}); a rotation keeps the old
 * secret signing beside the new one for {@code webhooksRotationOverlap}. Replays copy a delivery with its message id.
 */
@Service
public class WebhookService {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 200;
    static final int LOG_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

    private final WebhookRepository repository;
    private final ApiKeyService keys;
    private final WebhookSender sender;
    private final WebhookBodies bodies;
    private final SecretBox box;
    private final IntegrationsProperties props;
    private final Clock clock;

    WebhookService(
            WebhookRepository repository,
            ApiKeyService keys,
            WebhookSender sender,
            WebhookBodies bodies,
            SecretBox box,
            IntegrationsProperties props,
            Clock clock) {
        this.repository = repository;
        this.keys = keys;
        this.sender = sender;
        this.bodies = bodies;
        this.box = box;
        this.props = props;
        this.clock = clock;
    }

    /** An endpoint just made, or a secret just rotated, with the secret's text (shown this once). */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
        @Override
        public String toString() {
            return "WithSecret[endpoint=" + endpoint + ", secret=***]";
        }
    }

    @Transactional
    public WithSecret create(CondominiumId condo, String url, List<String> events, String description) {
        keys.requireManager(condo);
        String checkedUrl = url(url);
        List<String> checkedEvents = events(events);
        if (description != null && description.strip().length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        long id = repository.nextEndpointId();
        String secret = WebhookSigner.newSecret();
        WebhookEndpoint created = repository.insert(
                id,
                condo,
                checkedUrl,
                description == null || description.isBlank() ? null : description.strip(),
                checkedEvents,
                box.encrypt(secret, context(id)),
                clock.instant());
        log.info("Webhook endpoint {} created in condominium {} for {}", id, condo, checkedEvents);
        return new WithSecret(created, secret);
    }

    public List<WebhookEndpoint> list(CondominiumId condo) {
        keys.requireManager(condo);
        return repository.list(condo);
    }

    public WebhookEndpoint get(CondominiumId condo, long id) {
        keys.requireManager(condo);
        return find(condo, id);
    }

    @Transactional
    public WebhookEndpoint update(CondominiumId condo, long id, String url, List<String> events, Boolean active) {
        keys.requireManager(condo);
        WebhookEndpoint before = find(condo, id);
        repository.update(
                condo,
                id,
                url == null ? before.url() : url(url),
                events == null ? before.events() : events(events),
                active == null ? before.active() : active,
                clock.instant());
        log.info("Webhook endpoint {} of condominium {} changed", id, condo);
        return find(condo, id);
    }

    @Transactional
    public void delete(CondominiumId condo, long id) {
        keys.requireManager(condo);
        if (!repository.delete(condo, id)) {
            throw new NotFoundException("webhook " + id + " not found");
        }
        log.info("Webhook endpoint {} of condominium {} deleted", id, condo);
    }

    @Transactional
    public WithSecret rotate(CondominiumId condo, long id) {
        keys.requireManager(condo);
        find(condo, id);
        WebhookRepository.Secrets current = repository.secrets(id);
        String secret = WebhookSigner.newSecret();
        Instant now = clock.instant();
        repository.rotate(
                condo,
                id,
                box.encrypt(secret, context(id)),
                box.encrypt(box.decrypt(current.secret(), context(id)), previousContext(id)),
                now.plus(props.webhooksRotationOverlap()),
                now);
        log.info("Webhook endpoint {} of condominium {}: secret rotated", id, condo);
        return new WithSecret(find(condo, id), secret);
    }

    public List<WebhookDelivery> deliveries(CondominiumId condo, long id) {
        keys.requireManager(condo);
        find(condo, id);
        return repository.deliveries(condo, id, LOG_SIZE);
    }

    @Transactional
    public void replay(CondominiumId condo, long id, String deliveryIdText) {
        keys.requireManager(condo); // before the path is read: who may not manage webhooks learns nothing from it
        find(condo, id);
        long deliveryId;
        try {
            deliveryId = Long.parseLong(deliveryIdText);
        } catch (NumberFormatException e) {
            throw new NotFoundException("delivery " + deliveryIdText + " not found");
        }
        WebhookDelivery d = repository
                .delivery(condo, id, deliveryId)
                .orElseThrow(() -> new NotFoundException("delivery " + deliveryId + " not found"));
        if (d.body() == null) {
            throw new InvalidInputException("deliveryId", "its body is no longer kept (7 days): it cannot be replayed");
        }
        repository.replayOne(condo, id, deliveryId, clock.instant());
        log.info("Webhook delivery {} ({}) of endpoint {} replayed", deliveryId, d.messageId(), id);
    }

    @Transactional
    public int replaySince(CondominiumId condo, long id, Instant since) {
        keys.requireManager(condo);
        find(condo, id);
        if (since == null) {
            throw new InvalidInputException("since", "is required (ISO-8601)");
        }
        int n = repository.replayFailedSince(condo, id, since, clock.instant());
        log.info("Webhook endpoint {}: {} failed deliveries since {} replayed", id, n, since);
        return n;
    }

    /** Queues a test event for this endpoint only; returns the delivery's id. */
    @Transactional
    public long test(CondominiumId condo, long id) {
        keys.requireManager(condo);
        WebhookEndpoint endpoint = find(condo, id);
        Instant now = clock.instant();
        WebhookRepository.Message m = bodies.message(
                WebhookEvents.TEST, now, Map.of("endpointId", endpoint.id(), "condominiumId", condo.value()));
        return repository.enqueueTo(condo, id, m, now);
    }

    /** The secrets that sign now: the current one, and the previous one during a rotation. */
    List<String> signingSecrets(WebhookRepository.Secrets s, Instant now) {
        String current = box.decrypt(s.secret(), context(s.id()));
        if (s.previousSecret() != null
                && s.previousSecretUntil() != null
                && s.previousSecretUntil().isAfter(now)) {
            return List.of(current, box.decrypt(s.previousSecret(), previousContext(s.id())));
        }
        return List.of(current);
    }

    private WebhookEndpoint find(CondominiumId condo, long id) {
        return repository.find(condo, id).orElseThrow(() -> new NotFoundException("webhook " + id + " not found"));
    }

    private String url(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "is required");
        }
        String u = url.strip();
        if (u.length() > MAX_URL) {
            throw new InvalidInputException("url", "at most " + MAX_URL + " characters");
        }
        String refused = sender.refusal(u);
        if (refused != null) {
            throw new InvalidInputException("url", refused);
        }
        return u;
    }

    private static List<String> events(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("events", "at least one of " + String.join(", ", WebhookEvents.ALL));
        }
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String e : events) {
            String t = e == null ? "" : e.strip();
            if (!WebhookEvents.ALL.contains(t)) {
                throw new InvalidInputException(
                        "events", "unknown event " + e + "; one of " + String.join(", ", WebhookEvents.ALL));
            }
            chosen.add(t);
        }
        return List.copyOf(chosen);
    }

    static String context(long id) {
        return "webhook_endpoint.secret:" + id;
    }

    static String previousContext(long id) {
        return "webhook_endpoint.previous_secret:" + id;
    }
}
