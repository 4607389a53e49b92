package br.com.vetric.platform;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** JSON API errors as RFC 9457 problem details that name the problem (and the field, for bad input). */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        if (e.field() == null) {
            return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        }
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Conflict", e.field() + ": " + e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.field() + ": " + e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        p.setProperty("errors", errors);
        return p;
    }

    /** A query or path parameter of the wrong type; for an enum the message lists the values it accepts. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(c -> ((Enum<?>) c).name())
                                .collect(Collectors.joining(", "))
                : "invalid value";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getName() + ": " + message);
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", message)));
        return p;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        log.debug("Unreadable request body", e);
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "request body is not valid JSON for this endpoint");
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }
}
