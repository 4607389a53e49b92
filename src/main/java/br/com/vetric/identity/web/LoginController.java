package br.com.vetric.identity.web;

import br.com.vetric.identity.CurrentCondominium;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (the form posts to Spring Security's /login). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return CurrentCondominium.currentUser().isPresent() ? "redirect:/" : "identity/login";
    }
}
