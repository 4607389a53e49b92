package br.com.vetric.identity;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.shared.CondominiumId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The condominium a request acts on. A caller sees: an ADMIN, every condominium (deactivated ones included, whose
 * records are kept); a CLIENTE, the active condominiums they belong to.
 * <ul>
 * <li>A request may name one with the header {@value #HEADER}: a condominium the caller may not see (or that does
 * not exist) is a 404, a value that is not an id a 400 naming the header.</li>
 * <li>Without it, a page acts on the one chosen with the header's selector (kept in the web session), else on the
 * caller's first active condominium, oldest first.</li>
 * <li>Without it, the API acts on the caller's only active condominium: a CLIENTE of one condominium, and an ADMIN
 * while exactly one condominium is active, need no header (the single-condominium API as it was). Otherwise the
 * header is required: 400 naming it.</li>
 * </ul>
 */
@Component
public class CurrentCondominium {

    /** The request header that names the condominium (as Stripe's {@code Stripe-Account}). */
    public static final String HEADER = "Vetric-Condominium";

    static final String CHOICE = CurrentCondominium.class.getName() + ".CHOICE";

    private final Condominiums condominiums;

    CurrentCondominium(Condominiums condominiums) {
        this.condominiums = condominiums;
    }

    public CondominiumId require() {
        return requireCondominium().id();
    }

    /**
     * The condominium this request acts on.
     *
     * @throws InvalidInputException naming {@value #HEADER} when it is needed and missing, or not an id
     * @throws NotFoundException     when {@value #HEADER} names a condominium the caller may not see
     */
    public Condominium requireCondominium() {
        AuthenticatedUser user = currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        List<Condominium> visible = visible(user);
        HttpServletRequest request = currentRequest();
        String header = request == null ? null : request.getHeader(HEADER);
        if (header != null) {
            return named(header, visible);
        }
        if (request != null && !isApi(request)) {
            return pageChoice(request, visible)
                    .orElseThrow(() -> new AccessDeniedException("user " + user.id() + " sees no condominium"));
        }
        List<Condominium> active = visible.stream().filter(Condominium::active).toList();
        if (active.size() == 1) {
            return active.getFirst();
        }
        throw new InvalidInputException(
                HEADER,
                active.isEmpty()
                        ? "is required: no condominium is active; name one by its id"
                        : "is required: this account sees " + active.size()
                                + " active condominiums; name one by its id");
    }

    /** The condominiums the current user may see, oldest first (none when nobody is logged in). */
    public List<Condominium> visible() {
        return currentUser().map(this::visible).orElse(List.of());
    }

    /**
     * For pages: remembers the condominium the user chose in their web session.
     *
     * @throws NotFoundException when the user may not see it
     */
    public Condominium choose(CondominiumId id, HttpSession session) {
        Condominium chosen = visible().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("condominium " + id + " not found"));
        session.setAttribute(CHOICE, chosen.id().value());
        return chosen;
    }

    private List<Condominium> visible(AuthenticatedUser user) {
        if (user.role() == Role.ADMIN) {
            return condominiums.all();
        }
        return condominiums.all().stream()
                .filter(c -> c.active() && user.condominiumIds().contains(c.id().value()))
                .toList();
    }

    private static Condominium named(String header, List<Condominium> visible) {
        long id;
        try {
            id = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(HEADER, "must be the id of a condominium");
        }
        return visible.stream()
                .filter(c -> c.id().value() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("condominium " + header.strip() + " not found"));
    }

    /** The session's choice while the user may still see it; else the first active one, else the first. */
    private static Optional<Condominium> pageChoice(HttpServletRequest request, List<Condominium> visible) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CHOICE) instanceof Long chosen) {
            Optional<Condominium> still =
                    visible.stream().filter(c -> c.id().value() == chosen).findFirst();
            if (still.isPresent()) {
                return still;
            }
        }
        return visible.stream()
                .filter(Condominium::active)
                .findFirst()
                .or(() -> visible.stream().findFirst());
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
    }

    public static Optional<AuthenticatedUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
