package br.com.vetric.integrations.internal;

import br.com.vetric.identity.ApiKeyGate;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.Role;
import br.com.vetric.integrations.ApiKey;
import br.com.vetric.integrations.ApiScope;
import br.com.vetric.platform.Tenancy;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Lets API keys in: the key must exist, match its hash, be neither revoked nor expired (else 401); it is counted
 * against its rate limit (429 with {@code Retry-After} over it; the {@code RateLimit-*} headers on every answer); the
 * endpoint must be one keys may call and the key must hold its scope (else 403 naming the scope). The request then
 * acts as a CLIENTE of the key's condominium only (its creator's id, for the records that name who changed what).
 * The rate limit is counted per instance (Bucket4j in memory).
 */
@Component
class ApiKeyDoor implements ApiKeyGate {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyDoor.class);
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final Cache<Long, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
    private final ConcurrentMap<Long, Instant> useRecorded = new ConcurrentHashMap<>();

    ApiKeyDoor(ApiKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Optional<AuthenticatedUser> admit(String text, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<ApiKeyRepository.Stored> found = text.startsWith(ApiKeyService.LIVE)
                        && text.length() > ApiKeyService.PREFIX_LENGTH
                        && text.length() <= 100
                ? Tenancy.acrossAll(
                        "an API key names its condominium: found by its prefix before any scope exists",
                        () -> repository.byPrefix(text.substring(0, ApiKeyService.PREFIX_LENGTH)))
                : Optional.empty();
        Instant now = clock.instant();
        if (found.isEmpty()
                || !MessageDigest.isEqual(found.get().hash(), ApiKeyService.sha256(text))
                || !found.get().key().usableAt(now)) {
            if (found.isPresent()) {
                log.info(
                        "API key {} refused: revoked, expired or not its text",
                        found.get().key().id());
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problem(response, 401, "Unauthorized", "the API key is unknown, revoked or expired", null);
            return Optional.empty();
        }
        ApiKey key = found.get().key();
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        response.setHeader("RateLimit-Limit", Integer.toString(key.rateLimitPerMinute()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (!probe.isConsumed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(probe.getNanosToWaitForRefill())));
            problem(
                    response,
                    429,
                    "Too Many Requests",
                    "this API key may make " + key.rateLimitPerMinute() + " requests a minute",
                    null);
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<ApiScope> needed = ScopeMap.required(request.getMethod(), path);
        if (needed.isEmpty()) {
            problem(response, 403, "Forbidden", "API keys may not call " + request.getMethod() + " " + path, null);
            return Optional.empty();
        }
        if (!key.scopes().contains(needed.get())) {
            problem(
                    response,
                    403,
                    "Forbidden",
                    "this API key lacks the scope " + needed.get().code(),
                    needed.get().code());
            return Optional.empty();
        }
        recordUse(key.id(), now);
        return Optional.of(new AuthenticatedUser(
                found.get().createdBy(),
                "api-key:" + key.prefix(),
                key.name(),
                Role.CLIENTE,
                List.of(key.condominiumId().value()),
                0));
    }

    private Bucket bucket(ApiKey key) {
        return buckets.get(
                key.id(),
                id -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(key.rateLimitPerMinute())
                                .refillIntervally(key.rateLimitPerMinute(), Duration.ofMinutes(1))
                                .build())
                        .build());
    }

    /** At most one write a minute per key and instance (and the statement itself skips a recent one). */
    private void recordUse(long id, Instant now) {
        Instant last = useRecorded.get(id);
        if (last != null && last.plus(USE_RECORDED_EVERY).isAfter(now)) {
            return;
        }
        useRecorded.put(id, now);
        try {
            Tenancy.acrossAll("recording an API key's last use", () -> repository.used(id, now));
        } catch (RuntimeException e) {
            log.warn("Could not record the use of API key {}", id, e);
        }
    }

    private static long seconds(long nanos) {
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static void problem(HttpServletResponse res, int status, String title, String detail, String scope)
            throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                        + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}");
    }
}
