package br.com.vetric.identity.web;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Users;
import br.com.vetric.identity.internal.LoginThrottle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/account/password}: the caller changes their own password. */
@RestController
class AccountApiController {

    private final LoginThrottle logins;

    AccountApiController(LoginThrottle logins) {
        this.logins = logins;
    }

    @PostMapping("/api/v1/account/password")
    @ApiResponse(responseCode = "204", description = "changed")
    @Operation(
            summary = "Change your own password",
            description = "Every earlier web session and API token of the user ends, the token of this request"
                    + " included: log in again for a new one. A wrong currentPassword is a 400 naming it, and"
                    + " counts as a failed login (429 with Retry-After after too many).")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange request, HttpServletRequest http) {
        AuthenticatedUser me =
                CurrentCondominium.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        logins.changeOwnPassword(http.getRemoteAddr(), me, request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    record PasswordChange(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank(message = "is required")
            String currentPassword,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = Users.MIN_PASSWORD_CHARS,
                    description = "at least 8 characters and at most 72 bytes in UTF-8")
            @NotBlank(message = "is required")
            String newPassword) {}
}
