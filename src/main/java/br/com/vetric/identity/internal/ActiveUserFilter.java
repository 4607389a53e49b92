package br.com.vetric.identity.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.ResidentPrincipals;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web chain: a session whose user has been deactivated (or deleted), reactivated, or got a new password since
 * logging in (the credentials version differs) stops working on its next request. The session is invalidated and the browser sent to the login page (htmx requests get
 * {@code HX-Redirect}, so the whole page goes, not a fragment); a CLIENTE whose condominiums were all deactivated
 * lands on the login page that says so. Otherwise the request sees the user as stored now (name, condominiums). One
 * primary-key query per page request; static assets are not checked.
 */
class ActiveUserFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ActiveUserFilter.class);

    private final Users users;
    private final ObjectProvider<ResidentPrincipals> residents;

    ActiveUserFilter(Users users, ObjectProvider<ResidentPrincipals> residents) {
        this.users = users;
        this.residents = residents;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // public paths: static assets, and the health answers, which must not need the database to say it is down
        return path.startsWith("/webjars/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.equals("/favicon.ico")
                || path.equals("/health")
                || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
            boolean resident = user.role() == Role.RESIDENT;
            Optional<AuthenticatedUser> now = resident
                    ? residents.getObject().findValid(user.id(), user.credentialsVersion())
                    : users.findValid(user.id(), user.credentialsVersion());
            if (now.isEmpty()) {
                boolean condominiumInactive = !resident
                        && users.findActive(user.id())
                                .filter(u -> u.credentialsVersion() == user.credentialsVersion())
                                .isPresent();
                log.info(
                        "Ending a web session of {} {}: {}",
                        resident ? "resident" : "user",
                        user.id(),
                        condominiumInactive ? "no active condominium" : "deactivated or credentials changed");
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                String login = request.getContextPath()
                        + (resident
                                ? SecurityConfiguration.RESIDENT_SIGN_IN
                                : condominiumInactive ? "/login?inactive" : "/login");
                if ("true".equals(request.getHeader("HX-Request"))) {
                    response.setHeader("HX-Redirect", login);
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else {
                    response.sendRedirect(login);
                }
                return;
            }
            if (!now.get().equals(user)) { // name or condominiums changed: this request sees them as stored now
                SecurityContext fresh = SecurityContextHolder.createEmptyContext();
                fresh.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        now.get(), null, now.get().getAuthorities()));
                SecurityContextHolder.setContext(fresh);
            }
        }
        chain.doFilter(request, response);
    }
}
