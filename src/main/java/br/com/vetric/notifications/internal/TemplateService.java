package br.com.vetric.notifications.internal;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationTemplate;
import br.com.vetric.notifications.TemplateUpdate;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.CondominiumId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Templates: seeded only where missing, validated on save, rendered with the placeholders. */
@Service
public class TemplateService {

    private static final Logger log = LoggerFactory.getLogger(TemplateService.class);
    static final int MAX_BODY = 1000;
    static final int MAX_DELAY_SECONDS = 24 * 3600;

    private final TemplateRepository repository;
    private final Condominiums condominiums;
    private final Clock clock;
    private final Set<CondominiumId> seeded = ConcurrentHashMap.newKeySet();

    TemplateService(TemplateRepository repository, Condominiums condominiums, Clock clock) {
        this.repository = repository;
        this.condominiums = condominiums;
        this.clock = clock;
    }

    /** Seeds the defaults the condominium lacks (never overwriting an edit) and checks every kind has one. */
    public void ensure(CondominiumId condo) {
        if (seeded.contains(condo)) {
            return;
        }
        int inserted = repository.seedMissing(condo, clock.instant());
        if (inserted > 0) {
            log.info("Seeded {} default notification template(s) in condominium {}", inserted, condo);
        }
        List<NotificationTemplate> all = repository.list(condo);
        if (all.size() != NotificationKind.values().length) {
            throw new IllegalStateException("condominium " + condo + " has " + all.size()
                    + " notification templates, expected " + NotificationKind.values().length);
        }
        seeded.add(condo);
    }

    public List<NotificationTemplate> list(CondominiumId condo) {
        ensure(condo);
        return repository.list(condo);
    }

    /** The template of a kind; a missing one is a bug, reported loudly. */
    public NotificationTemplate get(CondominiumId condo, NotificationKind kind) {
        ensure(condo);
        return repository
                .find(condo, kind)
                .orElseThrow(() -> new IllegalStateException(
                        "notification template " + kind + " missing in condominium " + condo));
    }

    public Duration delay(CondominiumId condo, NotificationKind kind) {
        return kind.timed() ? Duration.ofSeconds(get(condo, kind).delaySeconds()) : Duration.ZERO;
    }

    @Transactional
    public NotificationTemplate update(CondominiumId condo, NotificationKind kind, TemplateUpdate update) {
        NotificationTemplate current = get(condo, kind);
        boolean enabled = update.enabled() != null ? update.enabled() : current.enabled();
        String body = update.body() != null ? update.body().strip() : current.body();
        int delay = update.delaySeconds() != null ? update.delaySeconds() : current.delaySeconds();
        validateBody(body);
        if (delay < 0 || delay > MAX_DELAY_SECONDS) {
            throw new InvalidInputException("delaySeconds", "must be between 0 and " + MAX_DELAY_SECONDS);
        }
        if (!kind.timed() && delay != 0) {
            throw new InvalidInputException("delaySeconds", kind + " is sent at once and has no delay");
        }
        repository.update(condo, kind, enabled, body, delay, clock.instant());
        log.info(
                "Notification template {} of condominium {} updated (enabled={}, delay={}s)",
                kind,
                condo,
                enabled,
                delay);
        return repository.find(condo, kind).orElseThrow();
    }

    /** Rejects an empty or too long text and any unknown placeholder, naming it. */
    public static void validateBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "must not be empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "must have at most " + MAX_BODY + " characters");
        }
        List<String> unknown = Placeholders.unknown(body);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    "body",
                    "unknown placeholder "
                            + unknown.stream()
                                    .map(u -> "{{" + u + "}}")
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElseThrow()
                            + "; allowed: "
                            + NotificationKind.PLACEHOLDERS.stream()
                                    .map(p -> "{{" + p + "}}")
                                    .toList());
        }
    }

    /** The text rendered with sample values (the live preview). */
    public String preview(CondominiumId condo, String body) {
        validateBody(body);
        String location = condominiums.find(condo).map(c -> c.name()).orElse("Condomínio");
        return Placeholders.render(body, Placeholders.sample(location));
    }

    public Map<String, String> sample(CondominiumId condo) {
        return Placeholders.sample(condominiums.find(condo).map(c -> c.name()).orElse("Condomínio"));
    }
}
