package br.com.vetric.identity.web;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Invitation;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.UserAccount;
import br.com.vetric.identity.UserCommand;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.JsonFields;
import br.com.vetric.shared.Zones;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
 * {@code /api/v1/users} (ADMIN): accounts, their role and, for a CLIENTE, their condominiums. Created without a
 * {@code password}, a user gets an invitation link (in this answer only, never again: the token is stored hashed)
 * with which they choose one before it expires. PATCH changes the fields sent and leaves the others.
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserApiController {

    static final List<String> FIELDS = List.of("email", "name", "role", "condominiumIds", "active", "password");

    private final Users users;

    UserApiController(Users users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Every user (ADMIN and CLIENTE), never a password")
    List<UserResponse> list() {
        return users.list().stream().map(u -> UserResponse.of(u, null)).toList();
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable long id) {
        return UserResponse.of(users.get(id), null);
    }

    @PostMapping
    @Operation(
            summary = "Create a user",
            description = "email, name and role (ADMIN or CLIENTE) are required; a CLIENTE needs condominiumIds (at"
                    + " least one existing condominium; 400 naming condominiumIds otherwise), an ADMIN has none."
                    + " Without password the answer carries an invitation link that expires"
                    + " (vetric.identity.invitation-ttl). An e-mail in use is a 409.")
    ResponseEntity<UserResponse> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = UserFields.class)))
                    @RequestBody
                    JsonNode body) {
        JsonFields f = JsonFields.of(body, FIELDS);
        Users.Created created = users.create(new UserCommand(
                f.text("email"),
                f.text("name"),
                f.text("role"),
                f.ids("condominiumIds"),
                f.bool("active"),
                f.text("password")));
        return ResponseEntity.created(
                        URI.create("/api/v1/users/" + created.account().id()))
                .body(UserResponse.of(created.account(), created.invitation()));
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change some fields of a user",
            description = "Only the fields sent change. A new role, a deactivation or a password ends the user's"
                    + " sessions and tokens; condominiumIds replaces the CLIENTE's condominiums (made empty when"
                    + " the role becomes ADMIN). You cannot deactivate yourself nor change your own role.")
    UserResponse patch(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = UserFields.class)))
                    @RequestBody
                    JsonNode body) {
        UserAccount was = users.get(id);
        JsonFields f = JsonFields.of(body, FIELDS).notNull("email", "name", "role", "active", "password");
        String role = f.has("role") ? f.text("role") : was.role().name();
        boolean becomesAdmin = Role.ADMIN.name().equalsIgnoreCase(role.strip());
        List<Long> condominiums =
                f.has("condominiumIds") ? f.ids("condominiumIds") : becomesAdmin ? List.of() : was.condominiumIds();
        UserCommand changed = new UserCommand(
                f.has("email") ? f.text("email") : was.email(),
                f.has("name") ? f.text("name") : was.name(),
                role,
                condominiums,
                f.has("active") ? f.bool("active") : was.active(),
                f.text("password"));
        return UserResponse.of(users.update(id, changed, me().id()), null);
    }

    private static AuthenticatedUser me() {
        return CurrentCondominium.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    /** The request body of POST and PATCH (for the API documentation). */
    @Schema(name = "UserRequest")
    record UserFields(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String email,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"ADMIN", "CLIENTE"})
            String role,

            @Schema(description = "a CLIENTE's condominiums (at least one); none for an ADMIN")
            List<Long> condominiumIds,

            @Schema(defaultValue = "true") Boolean active,

            @Schema(
                    description = "8 characters to 72 bytes; on creation, leave it out for an invitation link",
                    minLength = Users.MIN_PASSWORD_CHARS)
            String password) {}

    /** A user as the API shows it; {@code invitation} only in the answer that created it. */
    record UserResponse(
            long id,
            String email,
            String name,
            String role,
            List<Long> condominiumIds,
            boolean active,
            boolean passwordSet,
            OffsetDateTime createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) InvitationLink invitation) {

        static UserResponse of(UserAccount u, Invitation invitation) {
            return new UserResponse(
                    u.id(),
                    u.email(),
                    u.name(),
                    u.role().name(),
                    u.condominiumIds(),
                    u.active(),
                    u.passwordSet(),
                    Zones.local(u.createdAt()),
                    invitation == null ? null : InvitationLink.of(invitation));
        }
    }

    /** The link to hand to the invitee (this origin, as the administrator reached it), and when it expires. */
    record InvitationLink(String url, OffsetDateTime expiresAt) {

        static InvitationLink of(Invitation i) {
            return new InvitationLink(InvitationLinks.url(i), Zones.local(i.expiresAt()));
        }
    }
}
