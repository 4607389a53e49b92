package br.com.vetric.identity.web;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Invitation;
import br.com.vetric.identity.PasswordRejectedException;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.UserAccount;
import br.com.vetric.identity.UserCommand;
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

/**
 * Users (ADMIN): list, create (with a password, or an invitation link when none is typed), edit (role,
 * condominiums), activate/deactivate, reset a password, a new invitation link.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final Users users;
    private final Condominiums condominiums;

    UserAdminController(Users users, Condominiums condominiums) {
        this.users = users;
        this.condominiums = condominiums;
    }

    /** The form as typed. */
    public record Form(String email, String name, String role, List<Long> condominiumIds, Boolean active) {

        public Form {
            condominiumIds = condominiumIds == null ? List.of() : List.copyOf(condominiumIds);
            role = role == null ? Role.CLIENTE.name() : role;
            active = active == null || active;
        }

        static Form of(UserAccount u) {
            return new Form(u.email(), u.name(), u.role().name(), u.condominiumIds(), u.active());
        }

        boolean admin() {
            return Role.ADMIN.name().equals(role);
        }
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("form", new Form("", "", Role.CLIENTE.name(), List.of(), true));
        fill(model);
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam String email,
            @RequestParam String name,
            @RequestParam String role,
            @RequestParam(required = false) List<Long> condominiumIds,
            @RequestParam(required = false) String password,
            Model model,
            RedirectAttributes flash) {
        Form form = new Form(email, name, role, condominiumIds, true);
        try {
            Users.Created created = users.create(new UserCommand(
                    email,
                    name,
                    role,
                    form.admin() ? List.of() : form.condominiumIds(),
                    true,
                    password == null || password.isEmpty() ? null : password));
            flash.addFlashAttribute("message", "users.created");
            flash.addFlashAttribute("messageArg", created.account().email());
            invitationTo(flash, created.invitation());
            return "redirect:/admin/users";
        } catch (RuntimeException e) {
            model.addAttribute("error", errorKey(e));
        }
        model.addAttribute("form", form);
        fill(model);
        return "identity/users";
    }

    @GetMapping("/admin/users/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UserAccount user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("form", Form.of(user));
        model.addAttribute("condominiums", condominiums.all());
        model.addAttribute("roles", Role.values());
        return "identity/user-form";
    }

    @PostMapping("/admin/users/{id}")
    String update(
            @PathVariable long id,
            @RequestParam String email,
            @RequestParam String name,
            @RequestParam String role,
            @RequestParam(required = false) List<Long> condominiumIds,
            @RequestParam(defaultValue = "true") boolean active,
            Model model,
            RedirectAttributes flash) {
        UserAccount user = users.get(id);
        Form form = new Form(email, name, role, condominiumIds, active);
        try {
            users.update(
                    id,
                    new UserCommand(email, name, role, form.admin() ? List.of() : form.condominiumIds(), active, null),
                    me());
            flash.addFlashAttribute("message", "users.saved");
            flash.addFlashAttribute("messageArg", email.strip());
            return "redirect:/admin/users";
        } catch (RuntimeException e) {
            model.addAttribute("error", errorKey(e));
        }
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("condominiums", condominiums.all());
        model.addAttribute("roles", Role.values());
        return "identity/user-form";
    }

    @PostMapping("/admin/users/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        if (!active && me() == id) {
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

    @PostMapping("/admin/users/{id}/invitation")
    String invite(@PathVariable long id, RedirectAttributes flash) {
        Invitation invitation = users.invite(id);
        flash.addFlashAttribute("message", "users.invited");
        flash.addFlashAttribute("messageArg", users.get(id).email());
        invitationTo(flash, invitation);
        return "redirect:/admin/users";
    }

    private static void invitationTo(RedirectAttributes flash, Invitation invitation) {
        if (invitation != null) {
            flash.addFlashAttribute("invitationUrl", InvitationLinks.url(invitation));
            flash.addFlashAttribute("invitationExpiresAt", invitation.expiresAt());
        }
    }

    /** The page's message for what the service refused (a field it names, or the e-mail in use). */
    private static String errorKey(RuntimeException e) {
        return switch (e) {
            case PasswordRejectedException p -> p.tooLong() ? "users.error.passwordLong" : "users.error.password";
            case InvalidInputException i -> "users.error." + i.field();
            case ConflictException c -> "users.error.taken";
            default -> throw e;
        };
    }

    private static long me() {
        return CurrentCondominium.currentUser().orElseThrow().id();
    }

    private void fill(Model model) {
        List<Condominium> condos = condominiums.all();
        Map<Long, String> names = condos.stream().collect(Collectors.toMap(c -> c.id().value(), Condominium::name));
        model.addAttribute("users", users.list());
        model.addAttribute("condominiums", condos);
        model.addAttribute("condominiumNames", names);
        model.addAttribute("roles", Role.values());
    }
}
