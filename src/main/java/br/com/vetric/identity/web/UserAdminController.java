package br.com.vetric.identity.web;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.PasswordRejectedException;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.UserAccount;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users (ADMIN): list, create, activate/deactivate, reset a password. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final Users users;
    private final Condominiums condominiums;

    UserAdminController(Users users, Condominiums condominiums) {
        this.users = users;
        this.condominiums = condominiums;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        fill(model);
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam String email,
            @RequestParam String name,
            @RequestParam Role role,
            @RequestParam(required = false) Long condominiumId,
            @RequestParam String password,
            Model model,
            RedirectAttributes flash) {
        try {
            UserAccount created = users.create(email, name, role, role == Role.ADMIN ? null : condominiumId, password);
            flash.addFlashAttribute("message", "users.created");
            flash.addFlashAttribute("messageArg", created.email());
            return "redirect:/admin/users";
        } catch (PasswordRejectedException e) {
            model.addAttribute("error", e.tooLong() ? "users.error.passwordLong" : "users.error.password");
        } catch (InvalidInputException e) {
            model.addAttribute("error", "users.error." + e.field());
        } catch (ConflictException e) {
            model.addAttribute("error", "users.error.taken");
        }
        model.addAttribute(
                "form",
                Map.of(
                        "email",
                        email,
                        "name",
                        name,
                        "role",
                        role.name(),
                        "condominiumId",
                        condominiumId == null ? "" : condominiumId.toString()));
        fill(model);
        return "identity/users";
    }

    @PostMapping("/admin/users/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        if (!active && CurrentCondominium.currentUser().map(u -> u.id() == id).orElse(false)) {
            flash.addFlashAttribute("error", "users.error.self");
            return "redirect:/admin/users";
        }
        users.setActive(id, active);
        flash.addFlashAttribute("message", active ? "users.activated" : "users.deactivated");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/password")
    String reset(@PathVariable long id, @RequestParam String password, RedirectAttributes flash) {
        try {
            users.resetPassword(id, password);
            flash.addFlashAttribute("message", "users.resetDone");
        } catch (PasswordRejectedException e) {
            flash.addFlashAttribute("error", e.tooLong() ? "users.error.passwordLong" : "users.error.password");
        } catch (NotFoundException e) {
            flash.addFlashAttribute("error", "users.error.notFound");
        }
        return "redirect:/admin/users";
    }

    private void fill(Model model) {
        List<Condominium> condos = condominiums.all();
        Map<Long, String> names = condos.stream().collect(Collectors.toMap(c -> c.id().value(), Condominium::name));
        model.addAttribute("users", users.list());
        model.addAttribute("condominiums", condos);
        model.addAttribute("condominiumNames", names);
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("email", "", "name", "", "role", "CLIENTE", "condominiumId", ""));
        }
    }
}
