package br.com.vetric.identity.web;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.PasswordRejectedException;
import br.com.vetric.identity.internal.LoginThrottle;
import br.com.vetric.identity.internal.LoginThrottledException;
import br.com.vetric.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Minha conta": who I am, and a real password change. The change ends every other session and token of the
 * user; this browser stays logged in, under a new session id and the new credentials version. A wrong current
 * password counts as a failed login (throttled per address).
 */
@Controller
class AccountController {

    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private final LoginThrottle logins;

    AccountController(LoginThrottle logins) {
        this.logins = logins;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("user", me());
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            Model model,
            RedirectAttributes flash,
            HttpServletRequest request,
            HttpServletResponse response) {
        AuthenticatedUser me = me();
        model.addAttribute("user", me);
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "account.error.confirm");
            return "identity/account";
        }
        AuthenticatedUser renewed;
        try {
            renewed = logins.changeOwnPassword(request.getRemoteAddr(), me, currentPassword, newPassword);
        } catch (LoginThrottledException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            model.addAttribute("error", "login.throttled");
            model.addAttribute("errorArg", e.retryAfterMinutes());
            return "identity/account";
        } catch (PasswordRejectedException e) {
            model.addAttribute("error", e.tooLong() ? "account.error.long" : "account.error.weak");
            return "identity/account";
        } catch (InvalidInputException e) {
            model.addAttribute("error", "account.error.current");
            return "identity/account";
        }
        keepThisSession(renewed, request, response);
        flash.addFlashAttribute("changed", true);
        return "redirect:/account";
    }

    private static void keepThisSession(
            AuthenticatedUser renewed, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SESSIONS.saveContext(context, request, response);
    }

    private static AuthenticatedUser me() {
        return CurrentCondominium.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
