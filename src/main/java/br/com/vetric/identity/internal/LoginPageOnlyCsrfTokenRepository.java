package br.com.vetric.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the HTTP session, as usual, but a token is never the reason a session is created, except on the
 * login page, the residents' app's sign-in page and an invitation's page (their forms need one). An anonymous request elsewhere (an error page, a POST without a session) gets a
 * token that is not kept, so it leaves no session behind; it had nothing to protect anyway.
 */
class LoginPageOnlyCsrfTokenRepository implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null && request.getSession(false) == null && !isLoginPage(request)) {
            return;
        }
        sessions.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return sessions.loadToken(request);
    }

    /** The login page, and an invitation's page (where the invitee chooses a password): their forms need a token. */
    private static boolean isLoginPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod())
                && (path.equals("/login")
                        || path.equals("/app/entrar")
                        || path.matches("/invitation/[A-Za-z0-9_-]{43}"));
    }
}
