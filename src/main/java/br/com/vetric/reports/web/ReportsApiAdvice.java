package br.com.vetric.reports.web;

import br.com.vetric.reports.UploadRejectedException;
import br.com.vetric.reports.internal.StatementReconciliationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** problem+json for the reports API and the page's upload endpoint. */
@RestControllerAdvice(basePackageClasses = ReportsApiAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportsApiAdvice {

    private static final Logger log = LoggerFactory.getLogger(ReportsApiAdvice.class);

    @ExceptionHandler(UploadRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(UploadRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case EMPTY, MISSING_FIELD -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
        log.info("Upload refused: {} ({})", e.reason(), e.getMessage());
        return problem(
                status,
                status == HttpStatus.BAD_REQUEST ? "Invalid input" : "File refused",
                e.field() + ": " + e.getMessage(),
                e.reason().name(),
                e.field());
    }

    @ExceptionHandler(StatementReconciliationException.class)
    ResponseEntity<ProblemDetail> reconciliation(StatementReconciliationException e) {
        log.error("Statement refused: {}", e.getMessage());
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Statement does not reconcile",
                e.getMessage(),
                "RECONCILIATION",
                null);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException
                || e.getMostSpecificCause().getClass().getSimpleName().contains("SizeLimit")) {
            return UploadLimitAdvice.tooLarge();
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                "file: a multipart/form-data request with a file is required",
                "MISSING_FIELD",
                "file");
    }

    static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String title, String detail, String reason, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        p.setProperty("reason", reason);
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
