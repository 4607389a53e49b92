package br.com.vetric.reports.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.reports.Documents;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.UploadCommand;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page's upload, sent by the browser with XHR (progress bar) and the CSRF header; answers JSON (the report, or
 * problem+json with a {@code reason} the page turns into a pt-BR message).
 */
@RestController
class ReportsPageUploadController {

    private final Documents documents;
    private final CurrentCondominium current;

    ReportsPageUploadController(Documents documents, CurrentCondominium current) {
        this.documents = documents;
        this.current = current;
    }

    @PostMapping(path = "/reports/upload", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('ADMIN')")
    Report upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month,
            @RequestParam(required = false) Report.Visibility visibility)
            throws IOException {
        if (file.getSize() > documents.maxUploadBytes()) {
            throw documents.tooLarge();
        }
        return documents.upload(
                current.require(),
                new UploadCommand(title, description, year, month, visibility, file.getOriginalFilename()),
                file.getBytes(),
                ReportResponses.userId());
    }
}
