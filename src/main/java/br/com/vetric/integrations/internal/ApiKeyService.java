package br.com.vetric.integrations.internal;

import br.com.vetric.condominium.Feature;
import br.com.vetric.condominium.Plans;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Role;
import br.com.vetric.integrations.ApiKey;
import br.com.vetric.integrations.ApiScope;
import br.com.vetric.integrations.IntegrationsProperties;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.shared.CondominiumId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * API keys of a condominium: made by an ADMIN, or by a CLIENTE whose plan includes API access; shown once; stored as
 * a SHA-256 of their text (32 random bytes need no slow hash: there is nothing to guess), found by their prefix.
 */
@Service
public class ApiKeyService {

    /** Every key VETRIC makes starts with this; the prefix kept in clear is it and 8 more characters. */
    public static final String LIVE = "vtr_live_";

    static final int PREFIX_LENGTH = LIVE.length() + 8;
    static final int MAX_NAME = 100;

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final ApiKeyRepository repository;
    private final Plans plans;
    private final IntegrationsProperties props;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository repository, Plans plans, IntegrationsProperties props, Clock clock) {
        this.repository = repository;
        this.plans = plans;
        this.props = props;
        this.clock = clock;
    }

    /** A key just made, with its text (shown this once). */
    public record Created(ApiKey key, String text) {
        @Override
        public String toString() {
            return "Created[key=" + key + ", text=***]";
        }
    }

    public Created create(
            CondominiumId condo, String name, List<String> scopes, Instant expiresAt, Integer rateLimitPerMinute) {
        AuthenticatedUser user = requireManager(condo);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new InvalidInputException("name", "at most " + MAX_NAME + " characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "at least one of " + ApiScope.codes());
        }
        LinkedHashSet<ApiScope> chosen = new LinkedHashSet<>();
        for (String s : scopes) {
            chosen.add(ApiScope.fromCode(s == null ? "" : s.strip())
                    .orElseThrow(() -> new InvalidInputException(
                            "scopes", "unknown scope " + s + "; one of " + ApiScope.codes())));
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be in the future");
        }
        int limit = rateLimitPerMinute == null ? props.rateLimitPerMinute() : rateLimitPerMinute;
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("rateLimitPerMinute", "must be between 1 and 10000");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String text = LIVE + Base62.encode(bytes);
        ApiKey key = repository.insert(
                condo,
                name.strip(),
                text.substring(0, PREFIX_LENGTH),
                sha256(text),
                List.copyOf(chosen),
                expiresAt,
                limit,
                user.id(),
                now);
        log.info(
                "API key {} ({}) created in condominium {} by user {} with scopes {}",
                key.id(),
                key.prefix(),
                condo,
                user.id(),
                chosen);
        return new Created(key, text);
    }

    public List<ApiKey> list(CondominiumId condo) {
        requireManager(condo);
        return repository.list(condo);
    }

    public void revoke(CondominiumId condo, long id) {
        requireManager(condo);
        if (!repository.revoke(condo, id, clock.instant())) {
            throw new NotFoundException("api key " + id + " not found");
        }
        log.info("API key {} revoked in condominium {}", id, condo);
    }

    /** Whether this user may manage the condominium's keys and webhooks (pages hide the links otherwise). */
    public boolean mayManage(CondominiumId condo) {
        return CurrentCondominium.currentUser()
                .map(u -> u.role() == Role.ADMIN || u.role() == Role.CLIENTE && plans.allows(condo, Feature.API))
                .orElse(false);
    }

    /** An ADMIN, or a CLIENTE of this condominium (the caller's condominium) whose plan includes API access. */
    AuthenticatedUser requireManager(CondominiumId condo) {
        AuthenticatedUser user =
                CurrentCondominium.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        if (user.role() == Role.ADMIN) {
            return user;
        }
        if (user.role() != Role.CLIENTE) {
            throw new AccessDeniedException("only a condominium's managers manage its API keys and webhooks");
        }
        plans.require(condo, Feature.API);
        return user;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
