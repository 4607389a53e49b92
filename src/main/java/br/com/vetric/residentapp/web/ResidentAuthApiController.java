package br.com.vetric.residentapp.web;

import br.com.vetric.identity.ResidentTokens;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.residentapp.internal.MyData;
import br.com.vetric.residentapp.internal.SignIn;
import br.com.vetric.residentapp.internal.SignInThrottledException;
import br.com.vetric.shared.CondominiumId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resident's sign-in: {@code POST /code} sends a 6-digit code by WhatsApp (always 202 with the same body, whether
 * or not the phone is a resident's), {@code POST /token} trades it for a bearer token (401 with a pt-BR message for a
 * wrong, used or expired code; 409 listing the condominiums when the phone is a resident's in several and none was
 * named; 429 with {@code Retry-After} when the caller's address asked too often).
 */
@RestController
@RequestMapping("/api/v1/resident-auth")
class ResidentAuthApiController {

    static final String SENT = "Se este telefone for de um morador com acesso ao app, enviamos um código por WhatsApp."
            + " Ele vale por 5 minutos.";
    static final String REFUSED = "Código inválido ou expirado. Confira o código ou peça um novo.";

    private final SignIn signIn;
    private final ResidentTokens tokens;
    private final MyData data;

    ResidentAuthApiController(SignIn signIn, ResidentTokens tokens, MyData data) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.data = data;
    }

    record CodeRequest(@Nullable String phone) {}

    record CodeAnswer(String message) {}

    record TokenRequest(
            @Nullable String phone,
            @Nullable String code,
            @Nullable Long condominiumId) {}

    record TokenAnswer(String token, Instant expiresAt, MyData.Me resident) {}

    @PostMapping("/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @SecurityRequirements
    @Operation(summary = "Send a sign-in code to a resident's phone by WhatsApp")
    CodeAnswer code(@RequestBody CodeRequest request, HttpServletRequest http) {
        signIn.requestCode(http.getRemoteAddr(), request.phone());
        return new CodeAnswer(SENT);
    }

    @PostMapping("/token")
    @SecurityRequirements
    @Operation(summary = "Trade a sign-in code for a resident's bearer token")
    ResponseEntity<?> token(@RequestBody TokenRequest request, HttpServletRequest http) {
        SignIn.Outcome outcome =
                signIn.signIn(http.getRemoteAddr(), request.phone(), request.code(), request.condominiumId());
        return switch (outcome) {
            case SignIn.Outcome.SignedIn s -> {
                ResidentTokens.Issued issued = tokens.issue(s.resident());
                yield ResponseEntity.ok(new TokenAnswer(
                        issued.token(),
                        issued.expiresAt(),
                        Tenancy.within(
                                new CondominiumId(s.resident().condominiumIds().getFirst()),
                                () -> data.me(s.resident()))));
            }
            case SignIn.Outcome.Refused r -> {
                ProblemDetail p = problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "wrong, used or expired code");
                p.setProperty("message", REFUSED);
                yield ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(p);
            }
            case SignIn.Outcome.ChooseCondominium c -> {
                ProblemDetail p = problem(
                        HttpStatus.CONFLICT,
                        "Choose a condominium",
                        "this phone is a resident's in several condominiums: send condominiumId, one of choices");
                p.setProperty("message", "Você é morador em mais de um condomínio: escolha um.");
                p.setProperty("choices", c.choices());
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(p);
            }
        };
    }

    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottledException e) {
        ProblemDetail p = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage());
        p.setProperty("message", "Muitas tentativas deste endereço. Aguarde alguns minutos e tente de novo.");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(p);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }
}
