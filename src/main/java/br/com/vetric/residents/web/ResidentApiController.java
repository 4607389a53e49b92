package br.com.vetric.residents.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ApiParams;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.PageResult;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/residents}: CLIENTE reads, ADMIN writes (enforced in the security configuration). DELETE
 * deactivates: the resident's history stays.
 */
@RestController
@RequestMapping("/api/v1/residents")
class ResidentApiController {

    private final Residents residents;
    private final CurrentCondominium current;

    ResidentApiController(Residents residents, CurrentCondominium current) {
        this.residents = residents;
        this.current = current;
    }

    @GetMapping
    PageResult<Resident> list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        ApiParams.paging(page, size);
        CondominiumId condo = current.require();
        return PageResult.of(
                residents.list(condo, q, includeInactive, page, size),
                page,
                size,
                residents.count(condo, q, includeInactive));
    }

    @GetMapping("/{id}")
    Resident get(@PathVariable long id) {
        return residents.get(current.require(), id);
    }

    @PostMapping
    ResponseEntity<Resident> create(@Valid @RequestBody ResidentCommand command) {
        Resident created = residents.create(current.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/residents/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    Resident update(@PathVariable long id, @Valid @RequestBody ResidentCommand command) {
        return residents.update(current.require(), id, command);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        residents.deactivate(current.require(), id);
        return ResponseEntity.noContent().build();
    }
}
