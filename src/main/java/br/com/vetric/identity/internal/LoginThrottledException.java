package br.com.vetric.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this source address (for this e-mail, or for any): wait {@link #retryAfter()}. */
public class LoginThrottledException extends AuthenticationException {

    /** Where a throttled form login is forwarded: the login page, answered 429 (the request attribute holds this). */
    public static final String PAGE = "/login/throttled";

    public static final String ATTRIBUTE = LoginThrottledException.class.getName();

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed logins from this address");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Forwards a throttled form login to {@link #PAGE}, with {@code Retry-After}. */
    void forwardToPage(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        request.setAttribute(ATTRIBUTE, this);
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    /** Whole minutes, at least 1, for people. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }
}
