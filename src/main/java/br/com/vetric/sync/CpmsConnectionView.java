package br.com.vetric.sync;

import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A CVE-PRO connection (one CVE-PRO account) as people and other modules see it: never its API key or password.
 *
 * @param defaultCondominiumId where a charger this account reports for the first time is assigned; null: it waits in
 *                             the inbox of chargers without a condominium
 * @param fromEnvironment      the account of {@code VETRIC_CPMS_URL} (or the demo's simulator), registered at start
 */
public record CpmsConnectionView(
        long id,
        String url,
        String email,
        @Nullable CondominiumId defaultCondominiumId,
        boolean fromEnvironment,
        Instant createdAt,
        Instant updatedAt) {}
