package br.com.vetric.reports.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart request above the container's limit fails before any controller is chosen, so this advice is global:
 * 413 as problem+json (report uploads are the only multipart endpoints of VETRIC).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLargeRequest(MaxUploadSizeExceededException e) {
        return tooLarge();
    }

    static ResponseEntity<ProblemDetail> tooLarge() {
        return ReportsApiAdvice.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "File refused",
                "file: the file is larger than 10485760 bytes (10 MB)",
                "TOO_LARGE",
                "file");
    }
}
