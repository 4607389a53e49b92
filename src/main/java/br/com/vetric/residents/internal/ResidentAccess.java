package br.com.vetric.residents.internal;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.Role;
import br.com.vetric.residents.ResidentChangesNotAllowedException;
import br.com.vetric.shared.CondominiumId;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may change a condominium's residents: an ADMIN always; a CLIENTE of that condominium while the operator allows
 * it ({@link Condominiums#residentsEditableByManager}); VETRIC itself (no authentication at all: the demo's seeding).
 * A request with any other principal (anonymous) may not.
 */
@Component
public class ResidentAccess {

    private final Condominiums condominiums;

    ResidentAccess(Condominiums condominiums) {
        this.condominiums = condominiums;
    }

    public boolean mayChange(CondominiumId condo) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return true;
        }
        if (!(auth.getPrincipal() instanceof AuthenticatedUser user)) {
            return false;
        }
        return switch (user.role()) {
            case ADMIN -> true;
            case CLIENTE ->
                user.condominiumIds().contains(condo.value()) && condominiums.residentsEditableByManager(condo);
            case RESIDENT -> false; // a resident changes only their own preferences, in the residents' app
        };
    }

    public void requireChange(CondominiumId condo) {
        if (!mayChange(condo)) {
            throw new ResidentChangesNotAllowedException();
        }
    }

    /** Only the operator (ADMIN) decides what the managers may do. */
    public void requireOperator() {
        if (actor().filter(u -> u.role() == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("only an ADMIN changes this setting");
        }
    }

    /** The logged-in user, if any. */
    static Optional<AuthenticatedUser> actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AuthenticatedUser user
                ? Optional.of(user)
                : Optional.empty();
    }
}
