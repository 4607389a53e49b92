package br.com.vetric.identity.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.shared.CondominiumId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The header's condominium selector switches the condominium the pages act on for the rest of the web session
 * ({@link CondominiumSelectorAdvice} shows it). The browser then returns to the page it was on when that page lists
 * things (an address with no id in it), else to the board: a session or resident of one condominium is not found in
 * another. A condominium the user may not see is a 404.
 */
@Controller
class CondominiumSelectorController {

    private final CurrentCondominium current;

    CondominiumSelectorController(CurrentCondominium current) {
        this.current = current;
    }

    @PostMapping("/condominium")
    String choose(@RequestParam long id, @RequestParam(required = false) String returnTo, HttpServletRequest request) {
        if (id <= 0) {
            throw new NotFoundException("condominium " + id + " not found");
        }
        current.choose(CondominiumId.of(id), request.getSession());
        return "redirect:" + listPage(returnTo);
    }

    /** The address itself when it names no particular thing (lower-case words only), else the board. */
    static String listPage(String path) {
        return path != null && path.matches("/([a-z]+(-[a-z]+)*(/[a-z]+(-[a-z]+)*)*)?") ? path : "/";
    }
}
