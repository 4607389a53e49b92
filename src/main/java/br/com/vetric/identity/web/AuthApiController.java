package br.com.vetric.identity.web;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CondominiumInactiveException;
import br.com.vetric.identity.internal.LoginThrottle;
import br.com.vetric.identity.internal.TokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/login} trades e-mail and password for a bearer token. Failed logins are throttled
 * per source address (429 with {@code Retry-After}).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private final LoginThrottle logins;
    private final TokenService tokens;
    private final MessageSource messages;

    AuthApiController(LoginThrottle logins, TokenService tokens, MessageSource messages) {
        this.logins = logins;
        this.tokens = tokens;
        this.messages = messages;
    }

    @PostMapping("/login")
    @SecurityRequirements // the one call without a token
    @Operation(
            summary = "Trade e-mail and password for a bearer token",
            description = "401 for a wrong e-mail or password (the same answer whether the e-mail exists or not);"
                    + " 403 when the password is right but the account's condominium is deactivated;"
                    + " 429 with Retry-After after too many failures from the caller's address.")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        AuthenticatedUser user = logins.authenticate(http.getRemoteAddr(), request.email(), request.password());
        TokenService.Issued issued = tokens.issue(user);
        return new TokenResponse(issued.token(), issued.expiresAt(), "Bearer");
    }

    @ExceptionHandler(BadCredentialsException.class)
    ProblemDetail badCredentials(BadCredentialsException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "invalid e-mail or password");
    }

    /** The password was right, but every condominium of this CLIENTE is deactivated. */
    @ExceptionHandler(CondominiumInactiveException.class)
    ProblemDetail condominiumInactive(CondominiumInactiveException e) {
        ProblemDetail p = problem(
                HttpStatus.FORBIDDEN,
                "Condominium deactivated",
                "the condominium of this account is deactivated; ask VETRIC to reactivate it");
        p.setProperty("message", messages.getMessage("login.inactive", null, PT_BR)); // as the login page says it
        return p;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }

    record LoginRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank(message = "is required")
            String email,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank(message = "is required")
            String password) {}

    record TokenResponse(String token, Instant expiresAt, String tokenType) {}
}
