package br.com.vetric.reports.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.ReportFormat;
import br.com.vetric.reports.Statement;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.internal.ReportRepository.NewReport;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import java.time.Clock;
import java.time.Instant;
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

/** Monthly statements: generated from the sessions' energy, reconciled, stored as PDF and XLSX, versioned once closed. */
@Service
public class StatementService {

    private static final Logger log = LoggerFactory.getLogger(StatementService.class);

    private final ReportRepository repository;
    private final ReportStorage storage;
    private final StoredFiles storedFiles;
    private final TariffService tariffs;
    private final Sessions sessions;
    private final Condominiums condominiums;
    private final Clock clock;
    private final TransactionTemplate tx;

    StatementService(
            ReportRepository repository,
            ReportStorage storage,
            StoredFiles files,
            TariffService tariffs,
            Sessions sessions,
            Condominiums condominiums,
            Clock clock,
            PlatformTransactionManager txManager) {
        this.repository = repository;
        this.storage = storage;
        this.storedFiles = files;
        this.tariffs = tariffs;
        this.sessions = sessions;
        this.condominiums = condominiums;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

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
        Condominium c = condominiums
                .find(condo)
                .orElseThrow(() -> new NotFoundException("condominium " + condo + " not found"));
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
            storedFiles.deleteAfterCommit(condo, old);
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Tariff tariff = tariffs.tariff(condo);
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
            repository.insert(
                    condo,
                    new NewReport(
                            Report.Kind.STATEMENT,
                            title,
                            description,
                            month,
                            Report.Visibility.CONDOMINIUM,
                            format,
                            "extrato-" + suffix + "-v" + version + "." + format.extension(),
                            stored.storedName(),
                            stored.size(),
                            stored.sha256(),
                            statementId,
                            now,
                            userId));
        }
        storedFiles.deleteOnRollback(condo, written);
        log.info(
                "Statement {} v{} of condominium {} generated: {} sessions, {} Wh (peak {} Wh), cost {}",
                month,
                version,
                condo,
                data.totals().sessions(),
                data.totals().energyWh(),
                data.totals().peakWh(),
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
        YearMonth previous =
                YearMonth.from(clock.instant().atZone(Zones.SAO_PAULO)).minusMonths(1);
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
}
