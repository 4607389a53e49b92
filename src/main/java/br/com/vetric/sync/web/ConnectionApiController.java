package br.com.vetric.sync.web;

import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.JsonFields;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import br.com.vetric.sync.AccountCharger;
import br.com.vetric.sync.ConnectionCommand;
import br.com.vetric.sync.ConnectionHealth;
import br.com.vetric.sync.Connections;
import br.com.vetric.sync.CpmsConnectionView;
import br.com.vetric.sync.SyncMonitor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/cpms-connections} (ADMIN): the CVE-PRO accounts VETRIC reads, and {@code PUT
 * /api/v1/chargers/{uuid}/assignment} to give a charger of one of them to a condominium. {@code apiKey} and {@code
 * password} are write-only: no answer ever carries them. Bad input is a 400 naming the field; an account already
 * registered, a charger assigned to another condominium, or a connection deleted while chargers are assigned, a 409.
 * Either way nothing is written.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ConnectionApiController {

    static final List<String> FIELDS = List.of("url", "apiKey", "email", "password", "defaultCondominiumId");
    static final List<String> ASSIGNMENT_FIELDS = List.of("condominiumId", "displayName");

    private final Connections connections;
    private final SyncMonitor monitor;

    ConnectionApiController(Connections connections, SyncMonitor monitor) {
        this.connections = connections;
        this.monitor = monitor;
    }

    @GetMapping("/api/v1/cpms-connections")
    @Operation(summary = "Every CVE-PRO connection, with how its polls are going")
    List<ConnectionResponse> list() {
        return connections.list().stream().map(this::response).toList();
    }

    @GetMapping("/api/v1/cpms-connections/{id}")
    ConnectionResponse get(@PathVariable long id) {
        return response(connections.get(id));
    }

    @PostMapping("/api/v1/cpms-connections")
    @Operation(
            summary = "Add a CVE-PRO account",
            description = "url (http or https), apiKey, email and password are required; defaultCondominiumId"
                    + " (optional) is where chargers the account reports for the first time are assigned, else they"
                    + " wait in the inbox. 409 when another connection logs in to the same url and email.")
    ResponseEntity<ConnectionResponse> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ConnectionFields.class)))
                    @RequestBody
                    JsonNode body) {
        JsonFields f = JsonFields.of(body, FIELDS);
        CpmsConnectionView created = connections.create(new ConnectionCommand(
                f.text("url"),
                f.text("apiKey"),
                f.text("email"),
                f.text("password"),
                id(body, "defaultCondominiumId")));
        return ResponseEntity.created(URI.create("/api/v1/cpms-connections/" + created.id()))
                .body(response(created));
    }

    @PatchMapping("/api/v1/cpms-connections/{id}")
    @Operation(
            summary = "Change some settings of a connection",
            description = "Only the fields sent change; apiKey and password are replaced when sent. null clears"
                    + " defaultCondominiumId. The connection logs in anew on its next poll.")
    ConnectionResponse patch(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ConnectionFields.class)))
                    @RequestBody
                    JsonNode body) {
        CpmsConnectionView was = connections.get(id);
        JsonFields f = JsonFields.of(body, FIELDS).notNull("url", "apiKey", "email", "password");
        return response(connections.update(
                id,
                new ConnectionCommand(
                        f.has("url") ? f.text("url") : was.url(),
                        f.text("apiKey"),
                        f.has("email") ? f.text("email") : was.email(),
                        f.text("password"),
                        f.has("defaultCondominiumId")
                                ? id(body, "defaultCondominiumId")
                                : was.defaultCondominiumId())));
    }

    @DeleteMapping("/api/v1/cpms-connections/{id}")
    @Operation(summary = "Remove a connection", description = "409 while chargers of its account are assigned.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        connections.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/cpms-connections/{id}/chargers")
    @Operation(summary = "The chargers the connection's account reports, and where each is assigned")
    List<ChargerResponse> chargers(@PathVariable long id) {
        return connections.chargers(id).stream().map(ChargerResponse::of).toList();
    }

    @PutMapping("/api/v1/chargers/{uuid}/assignment")
    @Operation(
            summary = "Assign a charger to a condominium",
            description = "condominiumId is required; displayName (optional) is how the condominium sees it. A"
                    + " charger already assigned to another condominium is a 409; assigning it again to the same"
                    + " one renames it. Its sessions that waited are attributed by the next poll.")
    ChargerResponse assign(
            @PathVariable String uuid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AssignmentFields.class)))
                    @RequestBody
                    JsonNode body) {
        JsonFields f = JsonFields.of(body, ASSIGNMENT_FIELDS);
        return ChargerResponse.of(connections.assign(uuid, id(body, "condominiumId"), f.text("displayName")));
    }

    /** A condominium id field: a positive whole number, or null/absent. */
    private static @Nullable CondominiumId id(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() <= 0) {
            throw new InvalidInputException(field, "must be a condominium id (a positive whole number)");
        }
        return CondominiumId.of(v.longValue());
    }

    private ConnectionResponse response(CpmsConnectionView c) {
        ConnectionHealth h = monitor.health(c.id());
        return new ConnectionResponse(
                c.id(),
                c.url(),
                c.email(),
                c.defaultCondominiumId() == null
                        ? null
                        : c.defaultCondominiumId().value(),
                c.fromEnvironment(),
                h.state().name(),
                Zones.local(h.lastSuccessAt()),
                Zones.local(h.lastAttemptAt()),
                h.consecutiveFailures(),
                h.lastError(),
                Zones.local(c.createdAt()),
                Zones.local(c.updatedAt()));
    }

    /** The request body of POST and PATCH (for the API documentation). */
    @Schema(name = "CpmsConnectionRequest")
    record ConnectionFields(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://cs.intelbras-cve-pro.com.br")
            String url,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "write-only")
            String apiKey,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "operador@exemplo.com.br")
            String email,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "write-only")
            String password,

            @Schema(description = "where chargers reported for the first time are assigned; null: the inbox")
            Long defaultCondominiumId) {}

    @Schema(name = "ChargerAssignmentRequest")
    record AssignmentFields(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Long condominiumId,

            @Schema(example = "Garagem 2") String displayName) {}

    /** A connection as the API shows it: never its API key or password. */
    record ConnectionResponse(
            long id,
            String url,
            String email,
            @Nullable Long defaultCondominiumId,
            boolean fromEnvironment,

            @Schema(allowableValues = {"NOT_POLLED_YET", "OK", "LOGIN_REFUSED", "UNREACHABLE"})
            String state,

            @Nullable OffsetDateTime lastSuccessAt,
            @Nullable OffsetDateTime lastAttemptAt,
            int consecutiveFailures,
            @Nullable String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    record ChargerResponse(
            String uuid,
            long connectionId,
            String name,
            @Nullable String reportedName,
            @Nullable String displayName,
            @Nullable Long condominiumId,
            boolean waiting,
            OffsetDateTime firstSeenAt,
            @Nullable OffsetDateTime assignedAt) {

        static ChargerResponse of(AccountCharger c) {
            return new ChargerResponse(
                    c.uuid(),
                    c.connectionId(),
                    c.name(),
                    c.reportedName(),
                    c.displayName(),
                    c.condominiumId() == null ? null : c.condominiumId().value(),
                    c.waiting(),
                    Zones.local(c.firstSeenAt()),
                    Zones.local(c.assignedAt()));
        }
    }
}
