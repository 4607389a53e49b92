package br.com.vetric.dashboard.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Unknown tags seen on sessions, each with "assign to resident": the tag is given to the resident and the sessions
 * recorded with it are attached asynchronously by the sessions module. For whoever may change the residents (an
 * ADMIN; the condominium's CLIENTE while the operator allows it): the residents module refuses anyone else (403).
 */
@Controller
class UnknownTagController {

    private final Sessions sessions;
    private final Residents residents;
    private final CurrentCondominium current;

    UnknownTagController(Sessions sessions, Residents residents, CurrentCondominium current) {
        this.sessions = sessions;
        this.residents = residents;
        this.current = current;
    }

    @GetMapping("/residents/unknown-tags")
    String list(Model model) {
        CondominiumId condo = current.require();
        residents.requireMayChange(condo);
        model.addAttribute("tags", sessions.unknownTags(condo));
        model.addAttribute("residents", residents.list(condo, null, false, 0, 1000));
        return "dashboard/unknown-tags";
    }

    @PostMapping("/residents/unknown-tags/assign")
    String assign(@RequestParam String tag, @RequestParam(required = false) Long residentId, RedirectAttributes flash) {
        CondominiumId condo = current.require(); // a condominium the caller may not see: 404, as everywhere
        if (residentId == null) {
            flash.addFlashAttribute("error", "unknownTags.error.resident");
            return "redirect:/residents/unknown-tags";
        }
        try {
            Resident r = residents.assignTag(condo, residentId, tag);
            flash.addFlashAttribute("assigned", tag);
            flash.addFlashAttribute("assignedTo", r.name() + " (" + r.unit() + ")");
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", "unknownTags.error.taken");
        } catch (InvalidInputException | NotFoundException e) {
            flash.addFlashAttribute("error", "unknownTags.error.invalid");
        }
        return "redirect:/residents/unknown-tags";
    }
}
