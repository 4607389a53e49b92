package br.com.vetric.reports;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.reports.UploadRejectedException.Reason;
import br.com.vetric.reports.internal.FileInspector;
import br.com.vetric.reports.internal.ReportRepository;
import br.com.vetric.reports.internal.ReportRepository.NewReport;
import br.com.vetric.reports.internal.ReportStorage;
import br.com.vetric.reports.internal.StatementCalculator;
import br.com.vetric.reports.internal.StatementData;
import br.com.vetric.reports.internal.StatementFiles;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Uploaded reports, tariffs and monthly statements of a condominium. Callers pass the condominium the request acts
 * on and whether the caller is an administrator (who also sees ADMINS-only documents); a report of another
 * condominium, or one the caller may not see, is "not found".
 */
@Service
public class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private final ReportRepository repository;
    private final ReportStorage storage;
    private final Sessions sessions;
    private final Condominiums condominiums;
    private final ReportsProperties props;
    private final Clock clock;
    private final TransactionTemplate tx;

    Reports(ReportRepository repository, ReportStorage storage, Sessions sessions, Condominiums condominiums,
            ReportsProperties props, Clock clock, PlatformTransactionManager txManager) {
        this.tx = new TransactionTemplate(txManager);
        this.repository = repository;
        this.storage = storage;
        this.sessions = sessions;
        this.condominiums = condominiums;
        this.props = props;
        this.clock = clock;
    }

    /** A report's file, ready to be streamed. */
    public record Download(Report report, Path path) {
    }

    // ------------------------------------------------------------------ uploaded and generated reports

    @Transactional(readOnly = true)
    public List<Report> list(CondominiumId condo, Integer year, Integer month, Report.Kind kind, boolean admin) {
        return repository.list(condo, year, month, kind, admin).stream().map(ReportRepository.StoredReport::report).toList();
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
        String description = cmd.description() == null || cmd.description().isBlank() ? null : cmd.description().strip();
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
        ReportStorage.Stored stored = storage.store(condo, bytes, inspection.format().extension());
        deleteOnRollback(condo, List.of(stored.storedName()));
        long id = repository.insert(condo, new NewReport(Report.Kind.UPLOADED, title, description,
                YearMonth.of(cmd.year(), cmd.month()),
                cmd.visibility() == null ? Report.Visibility.CONDOMINIUM : cmd.visibility(), inspection.format(),
                displayName, stored.storedName(), stored.size(), stored.sha256(), null, clock.instant(), userId));
        log.info("Report {} uploaded to condominium {} by user {}: {} bytes, {}, sha256 {}", id, condo, userId,
                stored.size(), inspection.format(), stored.sha256());
        return get(condo, id, true);
    }

    public UploadRejectedException tooLarge() {
        return new UploadRejectedException(Reason.TOO_LARGE, "file",
                "the file is larger than " + props.maxUploadBytes() + " bytes (10 MB)");
    }

    public long maxUploadBytes() {
        return props.maxUploadBytes();
    }

    /** Deletes an uploaded report. Statement files go with their statement (a new generation replaces a draft). */
    @Transactional
    public void delete(CondominiumId condo, long id) {
        ReportRepository.StoredReport r = find(condo, id, true);
        if (r.report().kind() == Report.Kind.STATEMENT && r.report().monthClosed()) {
            throw new ConflictException("report " + id + " belongs to a closed month's statement and is kept");
        }
        repository.delete(condo, id);
        deleteAfterCommit(condo, List.of(r.storedName()));
        log.info("Report {} deleted from condominium {}", id, condo);
    }

    private ReportRepository.StoredReport find(CondominiumId condo, long id, boolean admin) {
        return repository.find(condo, id, admin).orElseThrow(() -> new NotFoundException("report " + id + " not found"));
    }

    // ------------------------------------------------------------------ tariff

    @Transactional(readOnly = true)
    public Tariff tariff(CondominiumId condo) {
        return repository.tariff(condo).orElse(Tariff.NOT_CONFIGURED);
    }

    @Transactional(readOnly = true)
    public boolean tariffConfigured(CondominiumId condo) {
        return repository.tariff(condo).isPresent();
    }

    @Transactional
    public Tariff saveTariff(CondominiumId condo, Tariff tariff, Long userId) {
        if (tariff == null || tariff.mode() == null) {
            throw new InvalidInputException("mode", "must be FLAT or TIME_OF_USE");
        }
        Tariff normalized = switch (tariff.mode()) {
            case FLAT -> Tariff.flat(price("flatPrice", tariff.flatPrice()));
            case TIME_OF_USE -> {
                BigDecimal peak = price("peakPrice", tariff.peakPrice());
                BigDecimal off = price("offPeakPrice", tariff.offPeakPrice());
                LocalTime start = tariff.peakStart();
                LocalTime end = tariff.peakEnd();
                if (start == null) {
                    throw new InvalidInputException("peakStart", "is required (HH:mm)");
                }
                if (end == null || !end.isAfter(start)) {
                    throw new InvalidInputException("peakEnd", "is required and must be after peakStart (exclusive end)");
                }
                yield Tariff.timeOfUse(peak, off, start.withSecond(0).withNano(0), end.withSecond(0).withNano(0));
            }
        };
        repository.saveTariff(condo, normalized, clock.instant(), userId);
        log.info("Tariff of condominium {} set to {} by user {}", condo, normalized.mode(), userId);
        return normalized;
    }

    private static BigDecimal price(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException(field, "must be between 0 and 100 R$/kWh");
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw new InvalidInputException(field, "must have at most 6 decimal places");
        }
        return value.setScale(Math.max(2, Math.max(0, value.stripTrailingZeros().scale())));
    }

    // ------------------------------------------------------------------ statements

    @Transactional(readOnly = true)
    public List<Statement> statements(CondominiumId condo, YearMonth month) {
        return repository.statements(condo, month);
    }

    @Transactional(readOnly = true)
    public boolean closed(CondominiumId condo, YearMonth month) {
        return repository.closed(condo, month);
    }

    /**
     * Generates the month's statement (XLSX and PDF, stored as reports visible to the condominium). An open month's
     * statement is a draft: regenerating replaces it (same version number, old files removed). After the month is
     * closed, regenerating creates the next version and keeps the old ones.
     *
     * @throws br.com.vetric.reports.internal.StatementReconciliationException if the totals do not reconcile
     */
    @Transactional
    public Statement generateStatement(CondominiumId condo, YearMonth month, Long userId) {
        Instant now = clock.instant();
        Condominium c = condominiums.find(condo).orElseThrow(() -> new NotFoundException("condominium " + condo + " not found"));
        ZoneId zone = c.zone() == null ? Zones.SAO_PAULO : c.zone();
        if (!month.atDay(1).atStartOfDay(zone).toInstant().isBefore(now)) {
            throw new InvalidInputException("month", "must not be in the future");
        }
        repository.lockMonth(condo, month);
        boolean closed = repository.closed(condo, month);
        Statement latest = repository.latestStatement(condo, month).orElse(null);
        int version;
        if (latest == null) {
            version = 1;
        } else if (closed) {
            version = latest.version() + 1;
        } else {
            version = latest.version();
            List<String> old = repository.storedNamesOfStatement(condo, latest.id());
            repository.deleteStatement(condo, latest.id()); // cascades to its report rows
            deleteAfterCommit(condo, old);
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Tariff tariff = tariff(condo);
        List<SessionEnergy> monthSessions = sessions.energy(condo, from, to, tariff.peakWindow(), zone);
        StatementData data = StatementCalculator.compute(c.name(), month, version, tariff, zone, now, monthSessions);
        StatementFiles.Files files = StatementFiles.write(data);
        long statementId = repository.insertStatement(condo, month, version, data, userId);
        String suffix = String.format("%04d-%02d", month.getYear(), month.getMonthValue());
        String title = "Extrato de consumo " + String.format("%02d/%04d", month.getMonthValue(), month.getYear())
                + (closed ? " (versão " + version + ")" : "");
        String description = data.totals().sessions() + " carregamento(s), "
                + br.com.vetric.shared.Energy.formatKwh(data.totals().energyWh());
        List<String> written = new ArrayList<>();
        for (ReportFormat format : List.of(ReportFormat.PDF, ReportFormat.XLSX)) {
            byte[] bytes = format == ReportFormat.PDF ? files.pdf() : files.xlsx();
            ReportStorage.Stored stored = storage.store(condo, bytes, format.extension());
            written.add(stored.storedName());
            repository.insert(condo, new NewReport(Report.Kind.STATEMENT, title, description, month,
                    Report.Visibility.CONDOMINIUM, format, "extrato-" + suffix + "-v" + version + "." + format.extension(),
                    stored.storedName(), stored.size(), stored.sha256(), statementId, now, userId));
        }
        deleteOnRollback(condo, written);
        log.info("Statement {} v{} of condominium {} generated: {} sessions, {} Wh (peak {} Wh), cost {}", month,
                version, condo, data.totals().sessions(), data.totals().energyWh(), data.totals().peakWh(),
                data.totals().cost());
        return repository.latestStatement(condo, month).orElseThrow();
    }

    /** Closes a month (generating its statement first if there is none). Closing twice is harmless. */
    @Transactional
    public Statement closeMonth(CondominiumId condo, YearMonth month, Long userId) {
        repository.lockMonth(condo, month);
        if (repository.latestStatement(condo, month).isEmpty()) {
            generateStatement(condo, month, userId);
        }
        if (repository.close(condo, month, clock.instant(), userId)) {
            log.info("Month {} of condominium {} closed by user {}", month, condo, userId);
        }
        return repository.latestStatement(condo, month).orElseThrow();
    }

    /**
     * The monthly job: the previous month (in São Paulo) of every condominium that has no statement for it yet.
     * Idempotent: a month that already has a statement is left alone.
     *
     * @return how many statements were generated
     */
    public int generateMissingForPreviousMonth() {
        YearMonth previous = YearMonth.from(clock.instant().atZone(Zones.SAO_PAULO)).minusMonths(1);
        int generated = 0;
        for (Condominium c : condominiums.all()) {
            try {
                Boolean done = tx.execute(status -> {
                    repository.lockMonth(c.id(), previous);
                    if (repository.latestStatement(c.id(), previous).isPresent()) {
                        return false;
                    }
                    generateStatement(c.id(), previous, null);
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    generated++;
                }
            } catch (RuntimeException e) {
                log.error("Statement {} of condominium {} could not be generated", previous, c.id(), e);
            }
        }
        return generated;
    }

    private void deleteAfterCommit(CondominiumId condo, List<String> storedNames) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            storedNames.forEach(n -> storage.delete(condo, n));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                storedNames.forEach(n -> storage.delete(condo, n));
            }
        });
    }

    private void deleteOnRollback(CondominiumId condo, List<String> storedNames) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    storedNames.forEach(n -> storage.delete(condo, n));
                }
            }
        });
    }
}
