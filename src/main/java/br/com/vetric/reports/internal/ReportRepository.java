package br.com.vetric.reports.internal;

import br.com.vetric.reports.Report;
import br.com.vetric.reports.ReportFormat;
import br.com.vetric.reports.Statement;
import br.com.vetric.reports.StatementLine;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.TariffPeriod;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the reports module; every statement is scoped by condominium. */
@Repository
public class ReportRepository {

    private static final String REPORT_COLUMNS = """
            r.id, r.kind, r.title, r.description, r.ref_year, r.ref_month, r.visibility, r.format, r.content_type,
            r.original_name, r.size_bytes, r.sha256, r.statement_id, s.version,
            (c.condominium_id is not null) as closed, r.created_at, r.stored_name
            from report r
            left join statement s on s.id = r.statement_id and s.condominium_id = r.condominium_id
            left join statement_month_closed c on c.condominium_id = r.condominium_id
                 and c.ref_year = r.ref_year and c.ref_month = r.ref_month
            """;

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredReport(Report report, String storedName) {}

    public record NewReport(
            Report.Kind kind,
            String title,
            String description,
            YearMonth month,
            Report.Visibility visibility,
            ReportFormat format,
            String originalName,
            String storedName,
            long size,
            String sha256,
            Long statementId,
            Instant createdAt,
            Long createdBy) {}

    public long insert(CondominiumId condo, NewReport r) {
        return jdbc.sql("""
                        insert into report (condominium_id, kind, title, description, ref_year, ref_month, visibility, format,
                               content_type, original_name, stored_name, size_bytes, sha256, statement_id, created_at, created_by)
                        values (:condo, :kind, :title, :description, :year, :month, :visibility, :format, :ct, :original,
                                :stored, :size, :sha, :statement, :at, :by)
                        returning id""")
                .param("condo", condo.value())
                .param("kind", r.kind().name())
                .param("title", r.title())
                .param("description", r.description())
                .param("year", r.month().getYear())
                .param("month", r.month().getMonthValue())
                .param("visibility", r.visibility().name())
                .param("format", r.format().name())
                .param("ct", r.format().contentType())
                .param("original", r.originalName())
                .param("stored", r.storedName())
                .param("size", r.size())
                .param("sha", r.sha256())
                .param("statement", r.statementId())
                .param("at", Timestamp.from(r.createdAt()))
                .param("by", r.createdBy())
                .query(Long.class)
                .single();
    }

    public List<StoredReport> list(
            CondominiumId condo, Integer year, Integer month, Report.Kind kind, boolean includeAdminOnly) {
        return jdbc.sql("select " + REPORT_COLUMNS + """
                         where r.condominium_id = :condo
                           and (cast(:year as int) is null or r.ref_year = :year)
                           and (cast(:month as int) is null or r.ref_month = :month)
                           and (cast(:kind as text) is null or r.kind = :kind)
                           and (:all or r.visibility = 'CONDOMINIUM')
                         order by r.ref_year desc, r.ref_month desc, r.created_at desc, r.id desc
                        """)
                .param("condo", condo.value())
                .param("year", year)
                .param("month", month)
                .param("kind", kind == null ? null : kind.name())
                .param("all", includeAdminOnly)
                .query(ReportRepository::report)
                .list();
    }

    public Optional<StoredReport> find(CondominiumId condo, long id, boolean includeAdminOnly) {
        return jdbc.sql("select " + REPORT_COLUMNS
                        + " where r.condominium_id = :condo and r.id = :id and (:all or r.visibility = 'CONDOMINIUM')")
                .param("condo", condo.value())
                .param("id", id)
                .param("all", includeAdminOnly)
                .query(ReportRepository::report)
                .optional();
    }

    public int delete(CondominiumId condo, long id) {
        return jdbc.sql("delete from report where condominium_id = :condo and id = :id")
                .param("condo", condo.value())
                .param("id", id)
                .update();
    }

    // ------------------------------------------------------------------ tariff

    /** The condominium's tariffs, by effective date. */
    public List<TariffPeriod> tariffs(CondominiumId condo) {
        return jdbc.sql("""
                        select mode, flat_price, peak_price, off_peak_price, peak_start, peak_end, effective_from
                          from report_tariff where condominium_id = :condo order by effective_from""")
                .param("condo", condo.value())
                .query((rs, i) -> new TariffPeriod(
                        rs.getObject(7, LocalDate.class),
                        new Tariff(
                                Tariff.Mode.valueOf(rs.getString(1)),
                                rs.getBigDecimal(2),
                                rs.getBigDecimal(3),
                                rs.getBigDecimal(4),
                                time(rs.getTime(5)),
                                time(rs.getTime(6)))))
                .list();
    }

    /** Saves the tariff that applies from a day (replacing the one saved for that same day). */
    public void saveTariff(CondominiumId condo, LocalDate effectiveFrom, Tariff t, Instant at, Long by) {
        jdbc.sql("""
                        insert into report_tariff (condominium_id, effective_from, mode, flat_price, peak_price,
                               off_peak_price, peak_start, peak_end, updated_at, updated_by)
                        values (:condo, :from, :mode, :flat, :peak, :off, :ps, :pe, :at, :by)
                        on conflict (condominium_id, effective_from) do update set mode = excluded.mode,
                               flat_price = excluded.flat_price, peak_price = excluded.peak_price,
                               off_peak_price = excluded.off_peak_price, peak_start = excluded.peak_start,
                               peak_end = excluded.peak_end, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by""")
                .param("condo", condo.value())
                .param("from", effectiveFrom)
                .param("mode", t.mode().name())
                .param("flat", t.flatPrice())
                .param("peak", t.peakPrice())
                .param("off", t.offPeakPrice())
                .param("ps", t.peakStart() == null ? null : Time.valueOf(t.peakStart()))
                .param("pe", t.peakEnd() == null ? null : Time.valueOf(t.peakEnd()))
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    public int deleteTariff(CondominiumId condo, LocalDate effectiveFrom) {
        return jdbc.sql("delete from report_tariff where condominium_id = :condo and effective_from = :from")
                .param("condo", condo.value())
                .param("from", effectiveFrom)
                .update();
    }

    // ------------------------------------------------------------------ statements

    private static final String STATEMENT_COLUMNS = """
            s.id, s.ref_year, s.ref_month, s.version, s.sessions, s.energy_wh, s.peak_wh, s.off_peak_wh,
            s.total_cost, s.generated_at, (c.condominium_id is not null), s.partial, s.draft, s.outdated_at,
            s.outdated_reason, s.fingerprint
              from statement s
              left join statement_month_closed c on c.condominium_id = s.condominium_id
                   and c.ref_year = s.ref_year and c.ref_month = s.ref_month
            """;

    /** A statement and the fingerprint of what it showed. */
    public record StoredStatement(Statement statement, String fingerprint) {}

    public Optional<Statement> latestStatement(CondominiumId condo, YearMonth month) {
        return statements(condo, month).stream().findFirst();
    }

    public Optional<StoredStatement> latestStored(CondominiumId condo, YearMonth month) {
        return jdbc.sql("select " + STATEMENT_COLUMNS + """
                         where s.condominium_id = :condo and s.ref_year = :y and s.ref_month = :m
                         order by s.version desc limit 1""")
                .param("condo", condo.value())
                .param("y", month.getYear())
                .param("m", month.getMonthValue())
                .query(ReportRepository::storedStatement)
                .optional();
    }

    /** The month's statement versions, newest first. */
    public List<Statement> statements(CondominiumId condo, YearMonth month) {
        return jdbc.sql("select " + STATEMENT_COLUMNS + """
                         where s.condominium_id = :condo and s.ref_year = :y and s.ref_month = :m
                         order by s.version desc""")
                .param("condo", condo.value())
                .param("y", month.getYear())
                .param("m", month.getMonthValue())
                .query((rs, i) -> storedStatement(rs, i).statement())
                .list();
    }

    /** Every version of the statements of a year and/or month (null: any), newest month and version first. */
    public List<Statement> statements(CondominiumId condo, Integer year, Integer month) {
        return jdbc.sql("select " + STATEMENT_COLUMNS + """
                         where s.condominium_id = :condo
                           and (cast(:y as int) is null or s.ref_year = :y)
                           and (cast(:m as int) is null or s.ref_month = :m)
                         order by s.ref_year desc, s.ref_month desc, s.version desc""")
                .param("condo", condo.value())
                .param("y", year)
                .param("m", month)
                .query((rs, i) -> storedStatement(rs, i).statement())
                .list();
    }

    public Optional<Statement> statement(CondominiumId condo, long id) {
        return jdbc.sql("select " + STATEMENT_COLUMNS + " where s.condominium_id = :condo and s.id = :id")
                .param("condo", condo.value())
                .param("id", id)
                .query((rs, i) -> storedStatement(rs, i).statement())
                .optional();
    }

    /** The months (from {@code from} on, up to {@code to}) that have a statement. */
    /** Of these condominiums and months, the condominiums that have a statement for their month (one statement). */
    public Set<CondominiumId> havingStatements(Map<CondominiumId, YearMonth> months) {
        if (months.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct s.condominium_id from statement s
                          join unnest(:condos, :years, :months) as m(condo, y, mo)
                            on s.condominium_id = m.condo and s.ref_year = m.y and s.ref_month = m.mo
                        """)
                .param(
                        "condos",
                        months.keySet().stream().map(CondominiumId::value).toArray(Long[]::new))
                .param("years", months.values().stream().map(YearMonth::getYear).toArray(Integer[]::new))
                .param(
                        "months",
                        months.values().stream().map(YearMonth::getMonthValue).toArray(Integer[]::new))
                .query((rs, i) -> CondominiumId.of(rs.getLong(1)))
                .list());
    }

    public List<YearMonth> monthsWithStatements(CondominiumId condo, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        select distinct ref_year, ref_month from statement
                         where condominium_id = :condo
                           and ref_year * 100 + ref_month between :from and :to
                         order by ref_year, ref_month""")
                .param("condo", condo.value())
                .param("from", from.getYear() * 100 + from.getMonthValue())
                .param("to", to.getYear() * 100 + to.getMonthValue())
                .query((rs, i) -> YearMonth.of(rs.getInt(1), rs.getInt(2)))
                .list();
    }

    public long insertStatement(CondominiumId condo, YearMonth month, StatementData d, Long by) {
        return jdbc.sql("""
                        insert into statement (condominium_id, ref_year, ref_month, version, sessions, energy_wh, peak_wh,
                               off_peak_wh, total_cost, generated_at, generated_by, partial, draft, fingerprint)
                        values (:condo, :y, :m, :v, :sessions, :wh, :peak, :off, :cost, :at, :by, :partial, :draft,
                                :fingerprint) returning id""")
                .param("condo", condo.value())
                .param("y", month.getYear())
                .param("m", month.getMonthValue())
                .param("v", d.version())
                .param("sessions", d.totals().sessions())
                .param("wh", d.totals().energyWh())
                .param("peak", d.totals().peakWh())
                .param("off", d.totals().offPeakWh())
                .param("cost", d.totals().cost())
                .param("at", Timestamp.from(d.generatedAt()))
                .param("by", by)
                .param("partial", d.partial())
                .param("draft", d.draft())
                .param("fingerprint", d.fingerprint())
                .query(Long.class)
                .single();
    }

    /** Flags a statement as outdated (once: the first reason and time are kept). */
    public boolean markOutdated(CondominiumId condo, long id, Instant at, Statement.OutdatedReason reason) {
        return jdbc.sql("""
                        update statement set outdated_at = :at, outdated_reason = :reason
                         where condominium_id = :condo and id = :id and outdated_at is null""")
                        .param("condo", condo.value())
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .param("reason", reason.name())
                        .update()
                > 0;
    }

    public void insertLine(CondominiumId condo, StatementLine l) {
        jdbc.sql("""
                        insert into statement_line (statement_id, condominium_id, unit, apartment, tower, resident_id,
                               resident_name, sessions, energy_wh, peak_wh, off_peak_wh, cost, idle_seconds)
                        values (:s, :condo, :unit, :apartment, :tower, :resident, :name, :sessions, :wh, :peak, :off,
                                :cost, :idle)""")
                .param("s", l.statementId())
                .param("condo", condo.value())
                .param("unit", l.unit())
                .param("apartment", l.apartment())
                .param("tower", l.tower())
                .param("resident", l.residentId())
                .param("name", l.residentName())
                .param("sessions", l.sessions())
                .param("wh", l.energyWh())
                .param("peak", l.peakWh())
                .param("off", l.offPeakWh())
                .param("cost", l.amount())
                .param("idle", l.idleSeconds())
                .update();
    }

    /** A statement's lines, in the statement's order (apartment, then resident). */
    public List<StatementLine> lines(CondominiumId condo, long statementId) {
        return jdbc.sql("""
                        select statement_id, unit, apartment, tower, resident_id, resident_name, sessions, energy_wh,
                               peak_wh, off_peak_wh, cost, idle_seconds
                          from statement_line where condominium_id = :condo and statement_id = :s order by id""")
                .param("condo", condo.value())
                .param("s", statementId)
                .query((rs, i) -> new StatementLine(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getBigDecimal(11),
                        rs.getLong(12)))
                .list();
    }

    public boolean closed(CondominiumId condo, YearMonth month) {
        return jdbc.sql("""
                        select count(*) from statement_month_closed
                         where condominium_id = :condo and ref_year = :y and ref_month = :m""")
                        .param("condo", condo.value())
                        .param("y", month.getYear())
                        .param("m", month.getMonthValue())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean close(CondominiumId condo, YearMonth month, Instant at, Long by) {
        return jdbc.sql("""
                        insert into statement_month_closed (condominium_id, ref_year, ref_month, closed_at, closed_by)
                        values (:condo, :y, :m, :at, :by) on conflict do nothing""")
                        .param("condo", condo.value())
                        .param("y", month.getYear())
                        .param("m", month.getMonthValue())
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                > 0;
    }

    /** Serialises statement generation of one condominium's month across transactions (and instances). */
    public void lockMonth(CondominiumId condo, YearMonth month) {
        jdbc.sql("select pg_advisory_xact_lock(:k1, :k2)")
                .param("k1", (int) condo.value())
                .param("k2", month.getYear() * 100 + month.getMonthValue())
                .query((rs, i) -> 1)
                .list();
    }

    private static StoredStatement storedStatement(ResultSet rs, int i) throws SQLException {
        Timestamp outdated = rs.getTimestamp(14);
        String reason = rs.getString(15);
        Statement st = new Statement(
                rs.getLong(1),
                rs.getInt(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getBigDecimal(9),
                rs.getTimestamp(10).toInstant(),
                rs.getBoolean(11),
                rs.getBoolean(12),
                rs.getBoolean(13),
                outdated != null,
                outdated == null ? null : outdated.toInstant(),
                reason == null ? null : Statement.OutdatedReason.valueOf(reason));
        return new StoredStatement(st, rs.getString(16));
    }

    private static StoredReport report(ResultSet rs, int i) throws SQLException {
        Integer version = (Integer) rs.getObject(14);
        Report r = new Report(
                rs.getLong(1),
                Report.Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getInt(6),
                Report.Visibility.valueOf(rs.getString(7)),
                ReportFormat.valueOf(rs.getString(8)),
                rs.getString(9),
                rs.getString(10),
                rs.getLong(11),
                rs.getString(12),
                (Long) rs.getObject(13),
                version,
                rs.getBoolean(15),
                rs.getTimestamp(16).toInstant());
        return new StoredReport(r, rs.getString(17));
    }

    private static java.time.LocalTime time(Time t) {
        return t == null ? null : t.toLocalTime();
    }
}
