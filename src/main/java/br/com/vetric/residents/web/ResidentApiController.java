package br.com.vetric.residents.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ApiParams;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentAuditEntry;
import br.com.vetric.residents.ResidentChangesNotAllowedException;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/residents}: every user of the condominium reads (the audit log too); an ADMIN writes, and the
 * condominium's CLIENTE while the operator allows it (403 otherwise; enforced by the {@link Residents} facade). DELETE
 * deactivates: the resident's history stays. {@code POST /{id}/tags} gives a resident one more tag (e.g. an unknown
 * tag seen on sessions, whose sessions are then attached to them).
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

    /** One more tag for a resident. */
    record TagJson(
            @NotBlank(message = "is required")
            @Size(max = ResidentCommand.MAX_TAG, message = "at most {max} characters")
            String tag) {}

    @PostMapping("/{id}/tags")
    Resident assignTag(@PathVariable long id, @Valid @RequestBody TagJson body) {
        return residents.assignTag(current.require(), id, body.tag());
    }

    /** The audit log, newest first: who changed which resident, when, and what. */
    @GetMapping("/audit")
    PageResult<ResidentAuditEntry> audit(
            @RequestParam(required = false) Long residentId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ApiParams.paging(page, size);
        return residents.audit(current.require(), residentId, page, size);
    }

    @ExceptionHandler(ResidentChangesNotAllowedException.class)
    ProblemDetail notAllowed(ResidentChangesNotAllowedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle("Forbidden");
        p.setType(URI.create("about:blank"));
        return p;
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        residents.deactivate(current.require(), id);
        return ResponseEntity.noContent().build();
    }
}
