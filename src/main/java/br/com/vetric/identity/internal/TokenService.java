package br.com.vetric.identity.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.IdentityProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the API's bearer tokens (HS256 JWT) with {@code iss}, {@code aud}, {@code sub} (the user id),
 * {@code iat}, {@code exp} and {@code ver}, the user's credentials version: a password change, reset,
 * deactivation or reactivation makes every earlier token fail (see {@link SecurityConfiguration}).
 */
@Component
public class TokenService {

    static final String ISSUER = "vetric";
    static final String AUDIENCE = "vetric-api";
    static final String VERSION_CLAIM = "ver";

    private final JwtEncoder encoder;
    private final IdentityProperties props;
    private final Clock clock;

    TokenService(JwtEncoder encoder, IdentityProperties props, Clock clock) {
        this.encoder = encoder;
        this.props = props;
        this.clock = clock;
    }

    public Issued issue(AuthenticatedUser user) {
        Instant now = clock.instant();
        Instant expires = now.plus(props.tokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(Long.toString(user.id()))
                .issuedAt(now)
                .expiresAt(expires)
                .claim("role", user.role().name())
                .claim(VERSION_CLAIM, user.credentialsVersion());
        if (!user.email().isEmpty()) { // a resident has none
            claims.claim("email", user.email());
        }
        if (!user.condominiumIds().isEmpty()) {
            claims.claim("condominiumIds", user.condominiumIds());
        }
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return new Issued(token, expires);
    }

    public record Issued(String token, Instant expiresAt) {}
}
