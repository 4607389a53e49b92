package br.com.vetric.integrations.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.integrations.WebhookDelivery;
import br.com.vetric.integrations.WebhookEndpoint;
import br.com.vetric.integrations.internal.WebhookService;
import br.com.vetric.platform.InvalidInputException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhooks}: the condominium's Standard Webhooks endpoints, their delivery log, replays and a test
 * event. For an ADMIN, a CLIENTE whose plan includes API access, or an API key with {@code webhooks:manage}. The
 * secret is in the answers of the creation and of a rotation only.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookApiController {

    private final WebhookService webhooks;
    private final CurrentCondominium current;

    WebhookApiController(WebhookService webhooks, CurrentCondominium current) {
        this.webhooks = webhooks;
        this.current = current;
    }

    record CreateWebhook(String url, List<String> events, String description) {}

    record PatchWebhook(String url, List<String> events, Boolean active) {}

    record WebhookJson(
            long id,
            String url,
            List<String> events,
            boolean active,
            String description,
            Instant createdAt,
            Instant previousSecretUntil,
            Instant failingSince,
            String disabledReason) {
        static WebhookJson of(WebhookEndpoint e) {
            return new WebhookJson(
                    e.id(),
                    e.url(),
                    e.events(),
                    e.active(),
                    e.description(),
                    e.createdAt(),
                    e.previousSecretUntil(),
                    e.failingSince(),
                    e.disabledReason());
        }
    }

    record WithSecretJson(long id, String url, List<String> events, boolean active, String description, String secret) {
        static WithSecretJson of(WebhookService.WithSecret w) {
            WebhookEndpoint e = w.endpoint();
            return new WithSecretJson(e.id(), e.url(), e.events(), e.active(), e.description(), w.secret());
        }
    }

    @PostMapping
    ResponseEntity<WithSecretJson> create(@RequestBody CreateWebhook body) {
        WebhookService.WithSecret created =
                webhooks.create(current.require(), body.url(), body.events(), body.description());
        return ResponseEntity.created(
                        URI.create("/api/v1/webhooks/" + created.endpoint().id()))
                .body(WithSecretJson.of(created));
    }

    @GetMapping
    List<WebhookJson> list() {
        return webhooks.list(current.require()).stream().map(WebhookJson::of).toList();
    }

    @GetMapping("/{id}")
    WebhookJson get(@PathVariable long id) {
        return WebhookJson.of(webhooks.get(current.require(), id));
    }

    @PatchMapping("/{id}")
    WebhookJson patch(@PathVariable long id, @RequestBody PatchWebhook body) {
        return WebhookJson.of(webhooks.update(current.require(), id, body.url(), body.events(), body.active()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        webhooks.delete(current.require(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    WithSecretJson rotate(@PathVariable long id) {
        return WithSecretJson.of(webhooks.rotate(current.require(), id));
    }

    @GetMapping("/{id}/deliveries")
    List<WebhookDelivery> deliveries(@PathVariable long id) {
        return webhooks.deliveries(current.require(), id);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    ResponseEntity<Void> replay(@PathVariable long id, @PathVariable String deliveryId) {
        webhooks.replay(current.require(), id, deliveryId);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<Map<String, Integer>> replaySince(
            @PathVariable long id, @RequestParam(required = false) String since) {
        Instant from;
        try {
            from = since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
        return ResponseEntity.accepted().body(Map.of("replayed", webhooks.replaySince(current.require(), id, from)));
    }

    @PostMapping("/{id}/test")
    ResponseEntity<Map<String, Long>> test(@PathVariable long id) {
        return ResponseEntity.accepted().body(Map.of("deliveryId", webhooks.test(current.require(), id)));
    }
}
