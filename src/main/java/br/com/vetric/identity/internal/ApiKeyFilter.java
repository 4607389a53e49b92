package br.com.vetric.identity.internal;

import br.com.vetric.identity.ApiKeyGate;
import br.com.vetric.identity.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API keys on the API's chain: a bearer token starting with {@value ApiKeyGate#PREFIX} is handed to the {@link
 * ApiKeyGate} (no gate: 401); any other bearer token is left to the JWT resource server, which {@link #jwtOnly}
 * keeps from reading keys.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private static final DefaultBearerTokenResolver BEARER = new DefaultBearerTokenResolver();

    private final ObjectProvider<ApiKeyGate> gate;

    ApiKeyFilter(ObjectProvider<ApiKeyGate> gate) {
        this.gate = gate;
    }

    /** The resource server's token resolver: users' JWTs only. */
    static BearerTokenResolver jwtOnly() {
        return request -> {
            String token = apiKey(request) ? null : BEARER.resolve(request);
            return token;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!apiKey(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring("Bearer ".length())
                .strip();
        ApiKeyGate g = gate.getIfAvailable();
        Optional<AuthenticatedUser> user = g == null ? Optional.empty() : g.admit(key, request, response);
        if (g == null) {
            SecurityConfiguration.unauthorized(response);
        }
        if (user.isEmpty()) {
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static boolean apiKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && header.substring(7).strip().startsWith(ApiKeyGate.PREFIX);
    }
}
