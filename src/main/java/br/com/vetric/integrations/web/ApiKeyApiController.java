package br.com.vetric.integrations.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.integrations.ApiKey;
import br.com.vetric.integrations.ApiScope;
import br.com.vetric.integrations.internal.ApiKeyService;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/api-keys}: the condominium's API keys, for an ADMIN or a CLIENTE whose plan includes API access. The
 * key's text is in the creation's answer only; DELETE revokes at once (the key's next request is a 401).
 */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyApiController {

    private final ApiKeyService keys;
    private final CurrentCondominium current;

    ApiKeyApiController(ApiKeyService keys, CurrentCondominium current) {
        this.keys = keys;
        this.current = current;
    }

    record CreateKey(String name, List<String> scopes, Instant expiresAt, Integer rateLimitPerMinute) {}

    record KeyJson(
            long id,
            String name,
            String prefix,
            List<String> scopes,
            Instant expiresAt,
            int rateLimitPerMinute,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {
        static KeyJson of(ApiKey k) {
            return new KeyJson(
                    k.id(),
                    k.name(),
                    k.prefix(),
                    k.scopes().stream().map(ApiScope::code).toList(),
                    k.expiresAt(),
                    k.rateLimitPerMinute(),
                    k.createdAt(),
                    k.lastUsedAt(),
                    k.revokedAt());
        }
    }

    record CreatedJson(
            long id,
            String name,
            String prefix,
            List<String> scopes,
            Instant expiresAt,
            int rateLimitPerMinute,
            Instant createdAt,
            String key) {}

    @PostMapping
    ResponseEntity<CreatedJson> create(@RequestBody CreateKey body) {
        ApiKeyService.Created c =
                keys.create(current.require(), body.name(), body.scopes(), body.expiresAt(), body.rateLimitPerMinute());
        ApiKey k = c.key();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + k.id()))
                .body(new CreatedJson(
                        k.id(),
                        k.name(),
                        k.prefix(),
                        k.scopes().stream().map(ApiScope::code).toList(),
                        k.expiresAt(),
                        k.rateLimitPerMinute(),
                        k.createdAt(),
                        c.text()));
    }

    @GetMapping
    List<KeyJson> list() {
        return keys.list(current.require()).stream().map(KeyJson::of).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        keys.revoke(current.require(), id);
        return ResponseEntity.noContent().build();
    }
}
