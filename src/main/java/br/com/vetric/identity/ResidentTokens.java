package br.com.vetric.identity;

import br.com.vetric.identity.internal.TokenService;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Issues the API bearer token of a resident signed in to the residents' app (the same JWT as the managers'). */
@Service
public class ResidentTokens {

    private final TokenService tokens;

    ResidentTokens(TokenService tokens) {
        this.tokens = tokens;
    }

    public Issued issue(AuthenticatedUser resident) {
        if (resident.role() != Role.RESIDENT) {
            throw new IllegalArgumentException("not a resident");
        }
        TokenService.Issued issued = tokens.issue(resident);
        return new Issued(issued.token(), issued.expiresAt());
    }

    public record Issued(String token, Instant expiresAt) {}
}
