package br.com.vetric.reports.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.reports.Documents;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.Statement;
import br.com.vetric.reports.StatementLine;
import br.com.vetric.reports.Statements;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.TariffPeriod;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.reports.UploadCommand;
import br.com.vetric.shared.CondominiumId;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/reports} and {@code /api/v1/tariff}. Reads: any authenticated user, scoped to the caller's
 * condominium (a CLIENTE sees only CONDOMINIUM-visible reports; anything else is 404). Writes: ADMIN.
 */
@RestController
class ReportApiController {

    private final Documents documents;
    private final Statements statements;
    private final Tariffs tariffs;
    private final CurrentCondominium current;

    ReportApiController(Documents documents, Statements statements, Tariffs tariffs, CurrentCondominium current) {
        this.documents = documents;
        this.statements = statements;
        this.tariffs = tariffs;
        this.current = current;
    }

    @GetMapping("/api/v1/reports")
    List<Report> list(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month,
            @RequestParam(required = false) Report.Kind kind) {
        return documents.list(current.require(), year, month, kind, ReportResponses.admin());
    }

    @GetMapping("/api/v1/reports/{id}")
    Report get(@PathVariable long id) {
        return documents.get(current.require(), id, ReportResponses.admin());
    }

    @GetMapping("/api/v1/reports/{id}/download")
    ResponseEntity<Resource> download(@PathVariable long id) {
        return ReportResponses.download(documents.download(current.require(), id, ReportResponses.admin()));
    }

    /** The fields are validated by {@link Documents#upload} (a missing one is a 400 naming it); documented here. */
    @PostMapping(path = "/api/v1/reports", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('ADMIN')")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = UploadForm.class)))
    ResponseEntity<Report> upload(
            @Parameter(hidden = true) @RequestPart("file") MultipartFile file,
            @Parameter(hidden = true) @RequestParam(required = false) String title,
            @Parameter(hidden = true) @RequestParam(required = false) String description,
            @Parameter(hidden = true) @RequestParam(required = false) Integer year,
            @Parameter(hidden = true) @RequestParam(required = false) Integer month,
            @Parameter(hidden = true) @RequestParam(required = false) Report.Visibility visibility)
            throws IOException {
        if (file.getSize() > documents.maxUploadBytes()) {
            throw documents.tooLarge();
        }
        Report r = documents.upload(
                current.require(),
                new UploadCommand(title, description, year, month, visibility, file.getOriginalFilename()),
                file.getBytes(),
                ReportResponses.userId());
        return ResponseEntity.created(URI.create("/api/v1/reports/" + r.id())).body(r);
    }

    @DeleteMapping("/api/v1/reports/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable long id) {
        documents.delete(current.require(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/reports/statements")
    List<Statement> statements(@RequestParam String month) {
        return statements.of(current.require(), month(month));
    }

    @PostMapping("/api/v1/reports/statements")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Statement> generate(@RequestParam String month) {
        Statement s = statements.generate(current.require(), month(month), ReportResponses.userId());
        return ResponseEntity.status(201).body(s);
    }

    @PostMapping("/api/v1/reports/statements/close")
    @PreAuthorize("hasRole('ADMIN')")
    Statement close(@RequestParam String month) {
        return statements.close(current.require(), month(month), ReportResponses.userId());
    }

    @GetMapping("/api/v1/reports/statements/{id}")
    Statement statement(@PathVariable long id) {
        return statements.get(current.require(), id);
    }

    /** The statement's lines, one per resident and apartment: what the building's administration bills. */
    @GetMapping("/api/v1/reports/statements/{id}/lines")
    List<StatementLine> lines(@PathVariable long id) {
        return statements.lines(current.require(), id);
    }

    /** The same per apartment, as a pt-BR CSV (semicolons, decimal commas, UTF-8 with BOM). */
    @GetMapping(path = "/api/v1/reports/statements/{id}/units.csv", produces = "text/csv")
    ResponseEntity<byte[]> unitsCsv(@PathVariable long id) {
        return ReportResponses.unitsCsv(statements, current.require(), id);
    }

    /** The tariff in force today (with the day it applies from) and every tariff, earlier and scheduled. */
    @GetMapping("/api/v1/tariff")
    TariffResponse tariff() {
        return tariffResponse(current.require());
    }

    /**
     * Saves a tariff that applies from {@code effectiveFrom} (yyyy-MM-dd; absent: from today, or from always when it
     * is the condominium's first), replacing one saved for the same day.
     */
    @PutMapping("/api/v1/tariff")
    @PreAuthorize("hasRole('ADMIN')")
    TariffResponse saveTariff(@RequestBody TariffRequest request) {
        var condo = current.require();
        tariffs.save(condo, request.tariff(), request.effectiveFrom(), ReportResponses.userId());
        return tariffResponse(condo);
    }

    /** Removes the tariff that applies from a day (the one before then applies in its place). */
    @DeleteMapping("/api/v1/tariff/{effectiveFrom}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> deleteTariff(@PathVariable String effectiveFrom) {
        LocalDate day;
        try {
            day = LocalDate.parse(effectiveFrom);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("effectiveFrom", "must be a date as yyyy-MM-dd");
        }
        tariffs.delete(current.require(), day, ReportResponses.userId());
        return ResponseEntity.noContent().build();
    }

    private TariffResponse tariffResponse(CondominiumId condo) {
        TariffPeriod now = tariffs.current(condo);
        return new TariffResponse(
                tariffs.configured(condo),
                now == null ? Tariff.NOT_CONFIGURED : now.tariff(),
                now == null ? null : now.effectiveFrom(),
                tariffs.history(condo));
    }

    /**
     * @param tariff        the tariff in force today ({@code NOT_CONFIGURED}: flat R$ 0,00)
     * @param effectiveFrom the day it applies from, null when none is in force
     * @param periods       every tariff by effective date, including scheduled ones
     */
    record TariffResponse(boolean configured, Tariff tariff, LocalDate effectiveFrom, List<TariffPeriod> periods) {}

    /** A tariff (its fields at the top level of the body) and, optionally, the day it applies from. */
    record TariffRequest(
            @JsonUnwrapped Tariff tariff,

            @Schema(
                    type = "string",
                    format = "date",
                    example = "2026-11-01",
                    description = "first day (condominium's zone) the tariff applies; absent: today, or always for"
                            + " the condominium's first tariff")
            LocalDate effectiveFrom) {}

    /** The upload's multipart fields, as the OpenAPI document shows them. */
    @Schema(name = "ReportUpload")
    record UploadForm(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    type = "string",
                    format = "binary",
                    description = "PDF, XLSX, XLS, DOCX or DOC, at most 10 MB")
            String file,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200)
            String title,

            @Schema(maxLength = 2000) String description,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "2000", maximum = "2100")
            Integer year,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "12")
            Integer month,

            @Schema(description = "who sees it; CONDOMINIUM when absent")
            Report.Visibility visibility) {}

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month as yyyy-MM, e.g. 2026-10");
        }
    }
}
