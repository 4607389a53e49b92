package br.com.vetric.reports.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.condominium.Feature;
import br.com.vetric.condominium.Plans;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.platform.PtBr;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.ReportFormat;
import br.com.vetric.reports.Statement;
import br.com.vetric.reports.StatementGenerated;
import br.com.vetric.reports.StatementLine;
import br.com.vetric.reports.internal.ReportRepository.NewReport;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Residents;
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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly statements: generated from the sessions' energy, priced with the tariffs in force on each day, reconciled,
 * stored as PDF and XLSX with their lines per resident; every generation is a new version and the earlier ones are
 * kept. A statement that no longer matches what it used is flagged outdated.
 */
@Service
public class StatementService {

    private static final Logger log = LoggerFactory.getLogger(StatementService.class);

    private final ReportRepository repository;
    private final ReportStorage storage;
    private final StoredFiles storedFiles;
    private final TariffService tariffs;
    private final Sessions sessions;
    private final Residents residents;
    private final Condominiums condominiums;
    private final Plans plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    StatementService(
            ReportRepository repository,
            ReportStorage storage,
            StoredFiles files,
            TariffService tariffs,
            Sessions sessions,
            Residents residents,
            Condominiums condominiums,
            Plans plans,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager txManager) {
        this.repository = repository;
        this.storage = storage;
        this.storedFiles = files;
        this.tariffs = tariffs;
        this.sessions = sessions;
        this.residents = residents;
        this.condominiums = condominiums;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    @Transactional(readOnly = true)
    public List<Statement> statements(CondominiumId condo, YearMonth month) {
        return repository.statements(condo, month);
    }

    @Transactional(readOnly = true)
    public List<Statement> statements(CondominiumId condo, Integer year, Integer month) {
        return repository.statements(condo, year, month);
    }

    @Transactional(readOnly = true)
    public Statement statement(CondominiumId condo, long id) {
        return repository
                .statement(condo, id)
                .orElseThrow(() -> new NotFoundException("statement " + id + " not found"));
    }

    @Transactional(readOnly = true)
    public List<StatementLine> lines(CondominiumId condo, long statementId) {
        statement(condo, statementId);
        return repository.lines(condo, statementId);
    }

    @Transactional(readOnly = true)
    public boolean closed(CondominiumId condo, YearMonth month) {
        return repository.closed(condo, month);
    }

    /**
     * Generates the month's next statement version (XLSX and PDF, stored as reports visible to the condominium, and
     * its lines per resident); earlier versions stay. It is PARCIAL when the month is not over and RASCUNHO until the
     * month is closed. Publishes {@link StatementGenerated} in the same transaction.
     *
     * @throws br.com.vetric.reports.internal.StatementReconciliationException if the totals do not reconcile
     */
    @Transactional
    public Statement generateStatement(CondominiumId condo, YearMonth month, Long userId) {
        Instant now = clock.instant();
        Condominium c = condominium(condo);
        if (!start(month, zone(c)).isBefore(now)) {
            throw new InvalidInputException("month", "must not be in the future");
        }
        repository.lockMonth(condo, month);
        boolean closed = repository.closed(condo, month);
        int version =
                repository.latestStatement(condo, month).map(Statement::version).orElse(0) + 1;
        StatementData data = compute(c, month, version, now, !closed);
        StatementFiles.Files files = StatementFiles.write(data);
        long statementId = repository.insertStatement(condo, month, data, userId);
        List<StatementLine> lines = lines(condo, statementId, data);
        lines.forEach(l -> repository.insertLine(condo, l));
        String suffix = String.format("%04d-%02d", month.getYear(), month.getMonthValue());
        String title = "Extrato de consumo " + String.format("%02d/%04d", month.getMonthValue(), month.getYear())
                + " (versão " + version + ")";
        String description = data.totals().sessions() + " carregamento(s), "
                + PtBr.kwh(data.totals().energyWh()) + ", "
                + PtBr.money(data.totals().cost());
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
        events.publishEvent(new StatementGenerated(
                condo,
                statementId,
                month,
                version,
                data.partial(),
                data.draft(),
                lines.stream()
                        .map(l ->
                                new StatementGenerated.ResidentLine(l.residentId(), l.unit(), l.energyWh(), l.amount()))
                        .toList()));
        log.info(
                "Statement {} v{} of condominium {} generated{}{}: {} sessions, {} Wh (peak {} Wh), cost {}",
                month,
                version,
                condo,
                data.partial() ? " (partial)" : "",
                data.draft() ? " (draft)" : " (final)",
                data.totals().sessions(),
                data.totals().energyWh(),
                data.totals().peakWh(),
                data.totals().cost());
        return repository.latestStatement(condo, month).orElseThrow();
    }

    /**
     * Closes a month that is over: from then on its statement is final. Closing prints the final version (the next
     * version, without the RASCUNHO mark; the same figures when nothing changed), since a version's files never
     * change once generated. Closing twice is harmless.
     */
    @Transactional
    public Statement closeMonth(CondominiumId condo, YearMonth month, Long userId) {
        Condominium c = condominium(condo);
        if (start(month.plusMonths(1), zone(c)).isAfter(clock.instant())) {
            throw new InvalidInputException("month", "must be over to be closed");
        }
        repository.lockMonth(condo, month);
        if (repository.close(condo, month, clock.instant(), userId)) {
            log.info("Month {} of condominium {} closed by user {}", month, condo, userId);
            return generateStatement(condo, month, userId);
        }
        return repository.latestStatement(condo, month).orElseGet(() -> generateStatement(condo, month, userId));
    }

    /**
     * The monthly job: for every active condominium whose plan includes statements, the month that ended last in its
     * own time zone (on the 1st at 00:00 in São Paulo, an hour later in Manaus), when it has no statement yet. One
     * query tells which lack one; a month that has one is left alone (idempotent). A deactivated condominium, or one
     * whose plan has no statements, gets none.
     *
     * @return how many statements were generated
     */
    public int generateMissingForPreviousMonth() {
        return generateMissingForPreviousMonth(null);
    }

    /** As {@link #generateMissingForPreviousMonth()} for the given condominiums only (null: every one). */
    public int generateMissingForPreviousMonth(java.util.@Nullable Set<CondominiumId> only) {
        Instant now = clock.instant();
        Map<CondominiumId, YearMonth> due = new java.util.LinkedHashMap<>();
        for (Condominium c : condominiums.active()) {
            if ((only == null || only.contains(c.id()))
                    && plans.limits(c.plan()).allows(Feature.STATEMENTS)) {
                due.put(c.id(), YearMonth.from(now.atZone(zone(c))).minusMonths(1));
            }
        }
        due.keySet().removeAll(repository.havingStatements(due));
        int generated = 0;
        for (Map.Entry<CondominiumId, YearMonth> d : due.entrySet()) {
            CondominiumId condo = d.getKey();
            YearMonth previous = d.getValue();
            try {
                Boolean done = tx.execute(status -> {
                    repository.lockMonth(condo, previous);
                    if (repository.latestStatement(condo, previous).isPresent()) {
                        return false;
                    }
                    generateStatement(condo, previous, null);
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    generated++;
                }
            } catch (RuntimeException e) {
                log.error("Statement {} of condominium {} could not be generated", previous, condo, e);
            }
        }
        return generated;
    }

    /**
     * Computes the month's latest statement again and flags it outdated when what it shows has changed (its
     * fingerprint). A statement already flagged, or generated before VETRIC kept fingerprints, is left alone.
     *
     * @return whether the statement was flagged now
     */
    public boolean recheck(CondominiumId condo, YearMonth month, Statement.OutdatedReason reason) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            repository.lockMonth(condo, month);
            ReportRepository.StoredStatement stored =
                    repository.latestStored(condo, month).orElse(null);
            if (stored == null || stored.statement().outdated() || stored.fingerprint() == null) {
                return false;
            }
            Statement s = stored.statement();
            StatementData now = compute(condominium(condo), month, s.version(), clock.instant(), s.draft());
            if (now.fingerprint().equals(stored.fingerprint())) {
                return false;
            }
            boolean marked = repository.markOutdated(condo, s.id(), clock.instant(), reason);
            if (marked) {
                log.info(
                        "Statement {} v{} of condominium {} is outdated ({}): generate a new version",
                        month,
                        s.version(),
                        condo,
                        reason);
            }
            return marked;
        }));
    }

    /** The months that have a statement, between two months (inclusive). */
    @Transactional(readOnly = true)
    public List<YearMonth> monthsWithStatements(CondominiumId condo, YearMonth from, YearMonth to) {
        return repository.monthsWithStatements(condo, from, to);
    }

    /** The condominium's zone (São Paulo when unset). */
    public ZoneId zone(CondominiumId condo) {
        return zone(condominium(condo));
    }

    private StatementData compute(Condominium c, YearMonth month, int version, Instant now, boolean draft) {
        ZoneId zone = zone(c);
        Instant from = start(month, zone);
        Instant to = start(month.plusMonths(1), zone);
        TariffSchedule schedule = tariffs.schedule(c.id());
        List<SessionEnergy> placed = sessions.energy(c.id(), from, to, schedule.referenceWindow(month), zone);
        return StatementCalculator.compute(
                new StatementCalculator.Input(c.name(), month, version, schedule, zone, now, draft),
                placed,
                window -> sessions.energy(c.id(), from, to, window, zone).stream()
                        .collect(Collectors.toMap(e -> e.session().id(), Function.identity())));
    }

    /** One line per resident and apartment, with the apartment and tower as the residents' register has them. */
    private List<StatementLine> lines(CondominiumId condo, long statementId, StatementData data) {
        Set<Long> ids = data.apartments().stream()
                .flatMap(a -> a.residents().stream())
                .map(StatementData.Resident::residentId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, ResidentRef> refs = ids.isEmpty() ? Map.of() : residents.refs(condo, ids);
        List<StatementLine> lines = new ArrayList<>();
        for (StatementData.Apartment a : data.apartments()) {
            for (StatementData.Resident r : a.residents()) {
                ResidentRef ref = refs.get(r.residentId());
                String apartment = ref == null
                                || ref.apartment() == null
                                || ref.apartment().isBlank()
                        ? a.apartment()
                        : ref.apartment();
                String tower = ref == null || ref.tower() == null || ref.tower().isBlank() ? null : ref.tower();
                StatementData.Totals t = r.totals();
                lines.add(new StatementLine(
                        statementId,
                        a.apartment(),
                        apartment,
                        tower,
                        r.residentId(),
                        r.name(),
                        t.sessions(),
                        t.energyWh(),
                        t.peakWh(),
                        t.offPeakWh(),
                        t.cost(),
                        t.idleSeconds()));
            }
        }
        return lines;
    }

    private Condominium condominium(CondominiumId condo) {
        return condominiums.find(condo).orElseThrow(() -> new NotFoundException("condominium " + condo + " not found"));
    }

    private static ZoneId zone(Condominium c) {
        return c.zone() == null ? Zones.SAO_PAULO : c.zone();
    }

    private static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
