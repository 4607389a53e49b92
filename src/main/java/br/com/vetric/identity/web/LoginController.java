package br.com.vetric.identity.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.internal.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login page (the form posts to Spring Security's /login). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return CurrentCondominium.currentUser().isPresent() ? "redirect:/" : "identity/login";
    }

    /** A throttled form login lands here (forwarded, with Retry-After): the login page again, answered 429. */
    @RequestMapping(LoginThrottledException.PAGE)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(LoginThrottledException.ATTRIBUTE) instanceof LoginThrottledException e)) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("throttledMinutes", e.retryAfterMinutes());
        return "identity/login";
    }
}
