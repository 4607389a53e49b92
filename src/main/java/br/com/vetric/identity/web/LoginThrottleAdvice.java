package br.com.vetric.identity.web;

import br.com.vetric.identity.internal.LoginThrottledException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The identity API's answer to a throttled source: 429 problem+json with {@code Retry-After}. */
@RestControllerAdvice(assignableTypes = {AuthApiController.class, AccountApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoginThrottleAdvice {

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        ProblemDetail p = AuthApiController.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "too many failed attempts from this address; try again in " + e.retryAfterSeconds() + " s");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(p);
    }
}
