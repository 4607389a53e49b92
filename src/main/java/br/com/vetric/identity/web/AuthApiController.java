package br.com.vetric.identity.web;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.Users;
import br.com.vetric.identity.internal.TokenService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/login} trades e-mail and password for a bearer token. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

    private final Users users;
    private final TokenService tokens;

    AuthApiController(Users users, TokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        AuthenticatedUser user = users.authenticate(request.email(), request.password());
        TokenService.Issued issued = tokens.issue(user);
        return new TokenResponse(issued.token(), issued.expiresAt(), "Bearer");
    }

    @ExceptionHandler(BadCredentialsException.class)
    ProblemDetail badCredentials(BadCredentialsException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "invalid e-mail or password");
        p.setTitle("Unauthorized");
        p.setType(URI.create("about:blank"));
        return p;
    }

    record LoginRequest(@NotBlank(message = "is required") String email,
                        @NotBlank(message = "is required") String password) {
    }

    record TokenResponse(String token, Instant expiresAt, String tokenType) {
    }
}
