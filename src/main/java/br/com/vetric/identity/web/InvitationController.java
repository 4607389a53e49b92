package br.com.vetric.identity.web;

import br.com.vetric.identity.PasswordRejectedException;
import br.com.vetric.identity.UserAccount;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitee's page: the link an administrator handed over lets them choose their password, once, before it
 * expires; then they log in as everyone does. An unknown, used or expired link says so (404) and asks for a new one.
 */
@Controller
class InvitationController {

    private final Users users;

    InvitationController(Users users) {
        this.users = users;
    }

    @GetMapping("/invitation/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        invitee(token, model, response);
        return "identity/invitation";
    }

    @PostMapping("/invitation/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam String password,
            @RequestParam String confirmPassword,
            Model model,
            HttpServletResponse response) {
        if (!invitee(token, model, response)) {
            return "identity/invitation";
        }
        if (!password.equals(confirmPassword)) {
            model.addAttribute("error", "account.error.confirm");
            return "identity/invitation";
        }
        try {
            users.acceptInvitation(token, password);
        } catch (PasswordRejectedException e) {
            model.addAttribute("error", e.tooLong() ? "account.error.long" : "account.error.weak");
            return "identity/invitation";
        } catch (NotFoundException e) {
            model.asMap().remove("invitee");
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "identity/invitation";
        }
        return "redirect:/login?invited";
    }

    /** Puts who the invitation is for on the page; false (and 404) when it cannot be used. */
    private boolean invitee(String token, Model model, HttpServletResponse response) {
        Optional<UserAccount> invitee = users.invitee(token);
        if (invitee.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return false;
        }
        model.addAttribute("invitee", invitee.get());
        model.addAttribute("token", token);
        return true;
    }
}
