package br.com.vetric.condominium.web;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.condominium.Feature;
import br.com.vetric.condominium.Limit;
import br.com.vetric.condominium.Plan;
import br.com.vetric.condominium.PlanLimits;
import br.com.vetric.condominium.Plans;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's condominium pages (ADMIN; {@code /admin/**} is ADMIN-only in the security configuration too): the
 * list, a new one, editing one, deactivating and reactivating. A refused value is said next to its field, in pt-BR,
 * and nothing is saved.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CondominiumPageController {

    /** Brazil's time zones (IANA), offered first; another zone set through the API is kept and shown. */
    static final List<String> BRAZIL_ZONES = List.of(
            "America/Sao_Paulo",
            "America/Bahia",
            "America/Fortaleza",
            "America/Recife",
            "America/Belem",
            "America/Maceio",
            "America/Araguaina",
            "America/Santarem",
            "America/Manaus",
            "America/Cuiaba",
            "America/Campo_Grande",
            "America/Porto_Velho",
            "America/Boa_Vista",
            "America/Rio_Branco",
            "America/Eirunepe",
            "America/Noronha");

    private final Condominiums condominiums;
    private final Plans plans;

    CondominiumPageController(Condominiums condominiums, Plans plans) {
        this.condominiums = condominiums;
        this.plans = plans;
    }

    /** An empty form: São Paulo, basic, active. */
    static CondominiumCommand empty() {
        return new CondominiumCommand("", "", "", "", "", "America/Sao_Paulo", Plan.BASIC.code(), true);
    }

    /** A condominium as its form shows it: CNPJ punctuated, the phone the Brazilian way. */
    static CondominiumCommand shown(Condominium c) {
        CondominiumCommand stored = c.command();
        return new CondominiumCommand(
                c.name(),
                c.cnpjFormatted(),
                stored.address(),
                Phones.display(c.phone()),
                stored.email(),
                stored.timeZone(),
                stored.plan(),
                c.active());
    }

    @GetMapping("/admin/condominiums")
    String list(Model model) {
        model.addAttribute("condominiums", condominiums.all());
        model.addAttribute("usage", plans.usage());
        model.addAttribute("limitKinds", Limit.values());
        model.addAttribute(
                "plansByPlan",
                plans.all().stream().collect(java.util.stream.Collectors.toMap(PlanLimits::plan, l -> l)));
        return "condominium/list";
    }

    @GetMapping("/admin/condominiums/new")
    String newForm(Model model) {
        return form(model, null, empty(), null);
    }

    @PostMapping("/admin/condominiums")
    String create(CondominiumCommand form, Model model, RedirectAttributes flash) {
        try {
            Condominium created = condominiums.create(form);
            flash.addFlashAttribute("message", "condominiums.created");
            flash.addFlashAttribute("messageArg", created.name());
            return "redirect:/admin/condominiums";
        } catch (InvalidInputException | ConflictException e) {
            return form(model, null, form, e);
        }
    }

    @GetMapping("/admin/condominiums/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Condominium c = condominiums.get(idOf(id));
        return form(model, c, shown(c), null);
    }

    @PostMapping("/admin/condominiums/{id}")
    String update(@PathVariable long id, CondominiumCommand form, Model model, RedirectAttributes flash) {
        Condominium c = condominiums.get(idOf(id));
        try {
            Condominium saved = condominiums.update(c.id(), form);
            flash.addFlashAttribute("message", "condominiums.saved");
            flash.addFlashAttribute("messageArg", saved.name());
            return "redirect:/admin/condominiums";
        } catch (InvalidInputException | ConflictException e) {
            return form(model, c, form, e);
        }
    }

    @PostMapping("/admin/condominiums/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        Condominium c = condominiums.get(idOf(id));
        condominiums.update(c.id(), c.command().withActive(active));
        flash.addFlashAttribute("message", active ? "condominiums.activated" : "condominiums.deactivated");
        flash.addFlashAttribute("messageArg", c.name());
        return "redirect:/admin/condominiums";
    }

    private String form(Model model, Condominium condominium, CondominiumCommand form, RuntimeException refused) {
        List<String> zones = new ArrayList<>(BRAZIL_ZONES);
        if (form.timeZone() != null && !form.timeZone().isBlank() && !zones.contains(form.timeZone())) {
            zones.add(form.timeZone());
        }
        model.addAttribute("condominium", condominium);
        model.addAttribute("form", form);
        model.addAttribute("zones", zones);
        model.addAttribute("plans", Plan.values());
        model.addAttribute("allLimits", plans.all());
        model.addAttribute("limitKinds", Limit.values());
        model.addAttribute("features", Feature.values());
        if (condominium != null) {
            model.addAttribute("planLimits", plans.limits(condominium.plan()));
            model.addAttribute("usage", plans.usage(condominium.id()));
        }
        if (refused instanceof InvalidInputException i) {
            model.addAttribute("errorField", i.field());
            model.addAttribute("error", "condominiums.error." + i.field());
        } else if (refused instanceof ConflictException) {
            model.addAttribute("errorField", "cnpj");
            model.addAttribute("error", "condominiums.error.cnpjTaken");
        }
        return "condominium/form";
    }

    private static CondominiumId idOf(long id) {
        return CondominiumApiController.idOf(id);
    }
}
