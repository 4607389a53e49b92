package br.com.vetric.identity.web;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.identity.CurrentCondominium;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the header's condominium selector ({@code condominiumChoice}) when the user sees more than one
 * condominium (an ADMIN, a síndico of several buildings): the condominiums, the one the pages act on, and where to
 * come back after switching.
 */
@ControllerAdvice(annotations = Controller.class)
class CondominiumSelectorAdvice {

    private final CurrentCondominium current;

    CondominiumSelectorAdvice(CurrentCondominium current) {
        this.current = current;
    }

    /** What the header shows. */
    public record Choice(Condominium current, List<Condominium> options, String returnTo) {}

    /** Null when there is nothing to choose: one condominium, an API call, nobody logged in. */
    @ModelAttribute("condominiumChoice")
    Choice choice(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || CurrentCondominium.currentUser().isEmpty()) {
            return null;
        }
        List<Condominium> options = current.visible();
        if (options.size() < 2) {
            return null;
        }
        return new Choice(current.requireCondominium(), options, CondominiumSelectorController.listPage(path));
    }
}
