package br.com.vetric.condominium.web;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.JsonFields;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/condominiums} (ADMIN): the operator's condominiums. PATCH changes the fields sent and leaves the
 * others; {@code active: false} deactivates (every record kept; no polling, no messages, its CLIENTE logins
 * refused). Bad input is a 400 naming the field, a CNPJ another condominium has a 409; either way nothing is
 * written.
 */
@RestController
@RequestMapping("/api/v1/condominiums")
@PreAuthorize("hasRole('ADMIN')")
class CondominiumApiController {

    static final List<String> FIELDS =
            List.of("name", "cnpj", "address", "phone", "email", "timeZone", "plan", "active");

    private final Condominiums condominiums;

    CondominiumApiController(Condominiums condominiums) {
        this.condominiums = condominiums;
    }

    @GetMapping
    @Operation(summary = "Every condominium, active or not, oldest first")
    List<CondominiumResponse> list() {
        return condominiums.all().stream().map(CondominiumResponse::of).toList();
    }

    @GetMapping("/{id}")
    CondominiumResponse get(@PathVariable long id) {
        return CondominiumResponse.of(condominiums.get(idOf(id)));
    }

    @PostMapping
    @Operation(
            summary = "Create a condominium",
            description = "name is required; cnpj (check digits verified, unique: 409 when taken), timeZone (IANA,"
                    + " default America/Sao_Paulo), plan (basic, premium or enterprise; default basic), active"
                    + " (default true). A field the resource does not have is a 400 naming it.")
    ResponseEntity<CondominiumResponse> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = CondominiumFields.class)))
                    @RequestBody
                    JsonNode body) {
        JsonFields f = JsonFields.of(body, FIELDS);
        Condominium created = condominiums.create(new CondominiumCommand(
                f.text("name"),
                f.text("cnpj"),
                f.text("address"),
                f.text("phone"),
                f.text("email"),
                f.text("timeZone"),
                f.text("plan"),
                f.bool("active")));
        return ResponseEntity.created(URI.create("/api/v1/condominiums/" + created.id()))
                .body(CondominiumResponse.of(created));
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change some fields of a condominium",
            description = "Only the fields sent change; null clears cnpj, address, phone or email (name, timeZone,"
                    + " plan and active cannot be null). active=false deactivates, active=true reactivates.")
    CondominiumResponse patch(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = CondominiumFields.class)))
                    @RequestBody
                    JsonNode body) {
        CondominiumId condo = idOf(id);
        CondominiumCommand was = condominiums.get(condo).command();
        JsonFields f = JsonFields.of(body, FIELDS).notNull("name", "timeZone", "plan", "active");
        CondominiumCommand changed = new CondominiumCommand(
                f.has("name") ? f.text("name") : was.name(),
                f.has("cnpj") ? f.text("cnpj") : was.cnpj(),
                f.has("address") ? f.text("address") : was.address(),
                f.has("phone") ? f.text("phone") : was.phone(),
                f.has("email") ? f.text("email") : was.email(),
                f.has("timeZone") ? f.text("timeZone") : was.timeZone(),
                f.has("plan") ? f.text("plan") : was.plan(),
                f.has("active") ? f.bool("active") : was.active());
        return CondominiumResponse.of(condominiums.update(condo, changed));
    }

    static CondominiumId idOf(long id) {
        if (id <= 0) {
            throw new NotFoundException("condominium " + id + " not found");
        }
        return CondominiumId.of(id);
    }

    /** The request body of POST and PATCH (for the API documentation). */
    @Schema(name = "CondominiumRequest")
    record CondominiumFields(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Residencial Gran Marine")
            String name,

            @Schema(
                    description = "14 characters, punctuation optional; check digits verified",
                    example = "11.222.333/0001-81")
            String cnpj,

            String address,
            @Schema(example = "(11) 3456-7890") String phone,
            String email,

            @Schema(description = "IANA time zone", defaultValue = "America/Sao_Paulo", example = "America/Manaus")
            String timeZone,

            @Schema(
                    allowableValues = {"basic", "premium", "enterprise"},
                    defaultValue = "basic")
            String plan,

            @Schema(defaultValue = "true") Boolean active) {}

    /** A condominium as the API shows it: cnpj without punctuation, phone as E.164, times in São Paulo. */
    record CondominiumResponse(
            long id,
            String name,
            String cnpj,
            String address,
            String phone,
            String email,
            String timeZone,
            String plan,
            boolean active,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static CondominiumResponse of(Condominium c) {
            return new CondominiumResponse(
                    c.id().value(),
                    c.name(),
                    c.cnpj(),
                    c.address(),
                    c.phone(),
                    c.email(),
                    c.zone().getId(),
                    c.plan().code(),
                    c.active(),
                    Zones.local(c.createdAt()),
                    Zones.local(c.updatedAt()));
        }
    }
}
