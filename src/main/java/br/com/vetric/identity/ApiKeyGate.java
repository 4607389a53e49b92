package br.com.vetric.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The door of API keys ({@code Authorization: Bearer vtr_…}) on {@code /api/**}, kept by the module that owns the keys
 * (integrations). The API's security chain hands it every request whose bearer token starts with {@value #PREFIX};
 * users' JWTs never reach it.
 */
public interface ApiKeyGate {

    /** What every API key starts with (a JWT never does). */
    String PREFIX = "vtr_";

    /**
     * Admits the request as the user the key acts as (a CLIENTE of the key's one condominium), or refuses it: then it
     * has written the answer itself (401, 403 or 429 as problem+json) and returns empty.
     */
    Optional<AuthenticatedUser> admit(String key, HttpServletRequest request, HttpServletResponse response)
            throws IOException;
}
