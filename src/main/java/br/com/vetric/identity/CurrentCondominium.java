package br.com.vetric.identity;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The condominium a request acts on: a CLIENTE's own; for an ADMIN, the primary condominium (the
 * multi-condominium service will let an ADMIN choose).
 */
@Component
public class CurrentCondominium {

    private final Condominiums condominiums;

    CurrentCondominium(Condominiums condominiums) {
        this.condominiums = condominiums;
    }

    public CondominiumId require() {
        AuthenticatedUser user = currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        if (user.condominiumId() != null) {
            return CondominiumId.of(user.condominiumId());
        }
        if (user.role() == Role.ADMIN) {
            return condominiums.primary().id();
        }
        throw new AccessDeniedException("user has no condominium");
    }

    public static Optional<AuthenticatedUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
