package br.com.vetric.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The health answers and the metrics scrape never look a web session up: web sessions live in PostgreSQL, and
 * {@code /health} must say the database is down (503) to a logged-in browser too, not fail reading its session.
 * Their requests reach the rest of the chain without the session cookie (runs just before Spring Session's filter).
 * So does the error page of a request that failed because the database is down: it is rendered without the session
 * (which cannot be read either) instead of failing in turn into the server's bare 500.
 */
class SessionlessPaths extends OncePerRequestFilter {

    /** On requests and error dispatches (a plain filter bean would see requests only), before Spring Session. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<SessionlessPaths> sessionlessPaths() {
            FilterRegistrationBean<SessionlessPaths> r = new FilterRegistrationBean<>(new SessionlessPaths());
            r.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
            r.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
            return r;
        }
    }

    static final String SESSION_COOKIE = "JSESSIONID";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return !databaseDown(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/health")
                || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/")
                || path.equals(MetricsAccessFilter.PATH));
    }

    /** The error page of a request that failed for want of the database (its session could not be read either). */
    private static boolean databaseDown(Object error) {
        for (Throwable t = error instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException || t instanceof TransactionException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Cookie[] getCookies() {
                        Cookie[] all = super.getCookies();
                        return all == null
                                ? null
                                : Arrays.stream(all)
                                        .filter(c -> !SESSION_COOKIE.equals(c.getName()))
                                        .toArray(Cookie[]::new);
                    }
                },
                response);
    }
}
