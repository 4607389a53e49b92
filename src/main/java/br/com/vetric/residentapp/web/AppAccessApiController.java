package br.com.vetric.residentapp.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.residentapp.internal.MyData;
import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' view of the residents' app: which residents signed in to it, and a switch per resident (an ADMIN, or
 * the condominium's CLIENTE while the operator lets managers change residents; 403 otherwise). Turning access off
 * ends the resident's app sessions and tokens on their next request.
 */
@RestController
@RequestMapping("/api/v1/residents")
class AppAccessApiController {

    private final MyData data;
    private final CurrentCondominium current;

    AppAccessApiController(MyData data, CurrentCondominium current) {
        this.data = data;
        this.current = current;
    }

    record AppAccess(
            long residentId, boolean enabled, @Nullable Instant activatedAt) {}

    record AppAccessChange(@Nullable Boolean enabled) {}

    @GetMapping("/app-access")
    List<AppAccess> list() {
        return data.appStatus(current.require()).values().stream()
                .map(s -> new AppAccess(s.residentId(), s.appAccess(), s.activatedAt()))
                .toList();
    }

    @PutMapping("/{id}/app-access")
    AppAccess change(@PathVariable long id, @RequestBody AppAccessChange change) {
        if (change.enabled() == null) {
            throw new InvalidInputException("enabled", "is required (true or false)");
        }
        CondominiumId condo = current.require();
        data.setAppAccess(condo, id, change.enabled());
        var s = data.appStatus(condo).get(id);
        return new AppAccess(id, s.appAccess(), s.activatedAt());
    }
}
