package br.com.vetric.integrations;

import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An API key as it is listed: never its text, which only its creation answer shows. */
public record ApiKey(
        long id,
        CondominiumId condominiumId,
        String name,
        String prefix,
        List<ApiScope> scopes,
        @Nullable Instant expiresAt,
        int rateLimitPerMinute,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public ApiKey {
        scopes = List.copyOf(scopes);
    }

    /** Usable now: not revoked, not expired. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
