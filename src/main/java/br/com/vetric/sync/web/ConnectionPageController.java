package br.com.vetric.sync.web;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.AccountCharger;
import br.com.vetric.sync.ConnectionCommand;
import br.com.vetric.sync.Connections;
import br.com.vetric.sync.CpmsConnectionView;
import br.com.vetric.sync.SyncMonitor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ADMIN's CVE-PRO pages: the connections with how each one's polls go (a refused login says so), one
 * connection's chargers and where each is assigned, and the inbox of chargers without a condominium, where each is
 * given to one. A refused value is said in pt-BR and nothing is saved.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ConnectionPageController {

    /** The form of a new connection (the secrets are never shown again, not even after a refusal). */
    record ConnectionForm(
            String url,
            String email,
            String apiKey,
            String password,
            @Nullable Long defaultCondominiumId) {

        static ConnectionForm empty() {
            return new ConnectionForm("", "", "", "", null);
        }
    }

    private final Connections connections;
    private final Condominiums condominiums;
    private final SyncMonitor monitor;

    ConnectionPageController(Connections connections, Condominiums condominiums, SyncMonitor monitor) {
        this.connections = connections;
        this.condominiums = condominiums;
        this.monitor = monitor;
    }

    @GetMapping("/admin/connections")
    String list(Model model) {
        return list(model, ConnectionForm.empty(), null);
    }

    @PostMapping("/admin/connections")
    String create(ConnectionForm form, Model model, RedirectAttributes flash) {
        try {
            CpmsConnectionView created = connections.create(new ConnectionCommand(
                    form.url(),
                    form.apiKey(),
                    form.email(),
                    form.password(),
                    form.defaultCondominiumId() == null ? null : CondominiumId.of(form.defaultCondominiumId())));
            flash.addFlashAttribute("message", "connections.created");
            flash.addFlashAttribute("messageArg", created.url());
            return "redirect:/admin/connections";
        } catch (InvalidInputException | ConflictException e) {
            return list(model, new ConnectionForm(form.url(), form.email(), "", "", form.defaultCondominiumId()), e);
        }
    }

    @GetMapping("/admin/connections/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("connection", connections.get(id));
        model.addAttribute("health", monitor.health(id));
        model.addAttribute("chargers", connections.chargers(id));
        model.addAttribute("names", names());
        return "sync/connection";
    }

    @PostMapping("/admin/connections/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        CpmsConnectionView c = connections.get(id);
        try {
            connections.delete(id);
            flash.addFlashAttribute("message", "connections.deleted");
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", "connections.error.stillAssigned");
        }
        flash.addFlashAttribute("messageArg", c.url());
        return "redirect:/admin/connections";
    }

    @GetMapping("/admin/chargers/unassigned")
    String inbox(Model model) {
        List<AccountCharger> waiting = connections.unassigned();
        model.addAttribute("chargers", waiting);
        model.addAttribute("condominiums", condominiums.all());
        Map<Long, String> urls = new LinkedHashMap<>();
        connections.list().forEach(c -> urls.put(c.id(), c.url()));
        model.addAttribute("urls", urls);
        return "sync/unassigned";
    }

    @PostMapping("/admin/chargers/{uuid}/assignment")
    String assign(
            @PathVariable String uuid,
            @RequestParam(required = false) @Nullable Long condominiumId,
            @RequestParam(required = false) @Nullable String displayName,
            RedirectAttributes flash) {
        try {
            AccountCharger assigned = connections.assign(
                    uuid, condominiumId == null ? null : CondominiumId.of(condominiumId), displayName);
            flash.addFlashAttribute("message", "connections.assigned");
            flash.addFlashAttribute(
                    "messageArg",
                    assigned.name() + " → "
                            + names().get(assigned.condominiumId().value()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "connections.error.condominiumId");
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", "connections.error.alreadyAssigned");
        }
        flash.addFlashAttribute("errorArg", uuid);
        return "redirect:/admin/chargers/unassigned";
    }

    private String list(Model model, ConnectionForm form, @Nullable RuntimeException refused) {
        List<CpmsConnectionView> all = connections.list();
        model.addAttribute("connections", all);
        model.addAttribute(
                "health",
                all.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                CpmsConnectionView::id, c -> monitor.health(c.id()))));
        model.addAttribute("names", names());
        model.addAttribute("condominiums", condominiums.all());
        model.addAttribute("unassigned", connections.unassigned().size());
        model.addAttribute("form", form);
        if (refused instanceof InvalidInputException i) {
            model.addAttribute("errorField", i.field());
            model.addAttribute("formError", "connections.error." + i.field());
        } else if (refused instanceof ConflictException) {
            model.addAttribute("errorField", "email");
            model.addAttribute("formError", "connections.error.accountTaken");
        }
        return "sync/connections";
    }

    private Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Condominium c : condominiums.all()) {
            names.put(c.id().value(), c.name());
        }
        return names;
    }
}
