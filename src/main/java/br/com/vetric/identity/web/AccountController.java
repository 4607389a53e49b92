package br.com.vetric.identity.web;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Minha conta": who I am, and a real password change. */
@Controller
class AccountController {

    private final Users users;

    AccountController(Users users) {
        this.users = users;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("user", me());
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Model model, RedirectAttributes flash) {
        AuthenticatedUser me = me();
        model.addAttribute("user", me);
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "account.error.confirm");
            return "identity/account";
        }
        try {
            users.changeOwnPassword(me.id(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("error", "currentPassword".equals(e.field()) ? "account.error.current"
                    : "account.error.weak");
            return "identity/account";
        }
        flash.addFlashAttribute("changed", true);
        return "redirect:/account";
    }

    private static AuthenticatedUser me() {
        return CurrentCondominium.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
