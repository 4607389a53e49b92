package br.com.vetric.reports.internal;

import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.ReportsProperties;
import br.com.vetric.reports.UploadCommand;
import br.com.vetric.reports.UploadRejectedException;
import br.com.vetric.reports.UploadRejectedException.Reason;
import br.com.vetric.reports.internal.ReportRepository.NewReport;
import br.com.vetric.shared.CondominiumId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The report files of a condominium: uploads checked from their content, listing, download and deletion. */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final ReportRepository repository;
    private final ReportStorage storage;
    private final StoredFiles files;
    private final ReportsProperties props;
    private final Clock clock;

    DocumentService(
            ReportRepository repository,
            ReportStorage storage,
            StoredFiles files,
            ReportsProperties props,
            Clock clock) {
        this.repository = repository;
        this.storage = storage;
        this.files = files;
        this.props = props;
        this.clock = clock;
    }

    /** A report's file, ready to be streamed. */
    public record Download(Report report, Path path) {}

    @Transactional(readOnly = true)
    public List<Report> list(CondominiumId condo, Integer year, Integer month, Report.Kind kind, boolean admin) {
        return repository.list(condo, year, month, kind, admin).stream()
                .map(ReportRepository.StoredReport::report)
                .toList();
    }

    @Transactional(readOnly = true)
    public Report get(CondominiumId condo, long id, boolean admin) {
        return find(condo, id, admin).report();
    }

    @Transactional(readOnly = true)
    public Download download(CondominiumId condo, long id, boolean admin) {
        ReportRepository.StoredReport r = find(condo, id, admin);
        Path path = storage.path(condo, r.storedName());
        if (!Files.isRegularFile(path)) {
            log.error("File of report {} in condominium {} is missing from storage", id, condo);
            throw new NotFoundException("file of report " + id + " is missing");
        }
        return new Download(r.report(), path);
    }

    /**
     * Validates (size, type from content, no macros, no executables, no zip bombs) and stores an uploaded file.
     *
     * @throws UploadRejectedException when the file or its metadata is refused
     */
    @Transactional
    public Report upload(CondominiumId condo, UploadCommand cmd, byte[] bytes, Long userId) {
        if (bytes.length > props.maxUploadBytes()) {
            throw tooLarge();
        }
        String title = cmd.title() == null ? "" : cmd.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new UploadRejectedException(Reason.MISSING_FIELD, "title", "is required (at most 200 characters)");
        }
        String description = cmd.description() == null || cmd.description().isBlank()
                ? null
                : cmd.description().strip();
        if (description != null && description.length() > 2000) {
            throw new UploadRejectedException(Reason.MISSING_FIELD, "description", "must have at most 2000 characters");
        }
        if (cmd.year() == null || cmd.year() < 2000 || cmd.year() > 2100) {
            throw new UploadRejectedException(Reason.MISSING_FIELD, "year", "must be a year between 2000 and 2100");
        }
        if (cmd.month() == null || cmd.month() < 1 || cmd.month() > 12) {
            throw new UploadRejectedException(Reason.MISSING_FIELD, "month", "must be between 1 and 12");
        }
        FileInspector.Inspection inspection = FileInspector.inspect(bytes);
        String displayName = FileInspector.sanitizeName(cmd.originalName(), inspection.format());
        ReportStorage.Stored stored =
                storage.store(condo, bytes, inspection.format().extension());
        files.deleteOnRollback(condo, List.of(stored.storedName()));
        long id = repository.insert(
                condo,
                new NewReport(
                        Report.Kind.UPLOADED,
                        title,
                        description,
                        YearMonth.of(cmd.year(), cmd.month()),
                        cmd.visibility() == null ? Report.Visibility.CONDOMINIUM : cmd.visibility(),
                        inspection.format(),
                        displayName,
                        stored.storedName(),
                        stored.size(),
                        stored.sha256(),
                        null,
                        clock.instant(),
                        userId));
        log.info(
                "Report {} uploaded to condominium {} by user {}: {} bytes, {}, sha256 {}",
                id,
                condo,
                userId,
                stored.size(),
                inspection.format(),
                stored.sha256());
        return get(condo, id, true);
    }

    public UploadRejectedException tooLarge() {
        return new UploadRejectedException(
                Reason.TOO_LARGE, "file", "the file is larger than " + props.maxUploadBytes() + " bytes (10 MB)");
    }

    public long maxUploadBytes() {
        return props.maxUploadBytes();
    }

    /**
     * Deletes a report: an upload, or a file of a statement version of a month not yet closed (a closed month's files
     * are kept).
     */
    @Transactional
    public void delete(CondominiumId condo, long id) {
        ReportRepository.StoredReport r = find(condo, id, true);
        if (r.report().kind() == Report.Kind.STATEMENT && r.report().monthClosed()) {
            throw new ConflictException("report " + id + " belongs to a closed month's statement and is kept");
        }
        repository.delete(condo, id);
        files.deleteAfterCommit(condo, List.of(r.storedName()));
        log.info("Report {} deleted from condominium {}", id, condo);
    }

    private ReportRepository.StoredReport find(CondominiumId condo, long id, boolean admin) {
        return repository
                .find(condo, id, admin)
                .orElseThrow(() -> new NotFoundException("report " + id + " not found"));
    }
}
