package br.com.vetric.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} answers only a scraper that sends {@code Authorization: Bearer <VETRIC_METRICS_TOKEN>}
 * (compared in constant time): 401 without it or with another, 404 when no token is set (the endpoint does not
 * exist). Runs before Spring Security, which lets the endpoint through without a session.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MetricsAccessFilter extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";

    private final byte[] expected;

    MetricsAccessFilter(MetricsProperties props) {
        this.expected = props.token() == null ? null : digest(props.token());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals(PATH) && !path.startsWith(PATH + "/") && !path.startsWith(PATH + ".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String sent = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : "";
        if (!MessageDigest.isEqual(expected, digest(sent))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Equal-length digests, so the comparison takes the same time whatever was sent. */
    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
