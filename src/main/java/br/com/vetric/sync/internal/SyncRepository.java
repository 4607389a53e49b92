package br.com.vetric.sync.internal;

import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.CycleOutcome;
import br.com.vetric.sync.SyncCycleRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SyncRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SyncRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void logCycle(
            CondominiumId condo, long connectionId, Instant startedAt, Instant finishedAt, CycleOutcome o) {
        logCycles(List.of(condo), connectionId, startedAt, finishedAt, o);
    }

    /** The same outcome for every condominium a poll serves, in one statement. */
    public void logCycles(
            Collection<CondominiumId> condos,
            long connectionId,
            Instant startedAt,
            Instant finishedAt,
            CycleOutcome o) {
        jdbc.sql("""
                        insert into sync_cycle (condominium_id, connection_id, started_at, finished_at, duration_ms,
                               outcome, error, chargers, transactions, changes)
                        select c, :connection, :started, :finished, :duration, :outcome, :error, :chargers, :tx,
                               :changes
                          from unnest(cast(:condos as bigint[])) as t(c)
                        """)
                .param("condos", condos.stream().map(CondominiumId::value).toArray(Long[]::new))
                .param("connection", connectionId)
                .param("started", Timestamp.from(startedAt))
                .param("finished", Timestamp.from(finishedAt))
                .param("duration", o.durationMs())
                .param("outcome", o.success() ? "SUCCESS" : "FAILED")
                .param("error", o.error())
                .param("chargers", o.chargers())
                .param("tx", o.transactions())
                .param("changes", o.changes())
                .update();
    }

    /**
     * When the last successful cycle of the condominium through this connection started (a cycle from before
     * connections counts: it was this install's one account); null if none ever did.
     */
    public Instant lastSuccessAt(CondominiumId condo, long connectionId) {
        return jdbc.sql("""
                        select started_at from sync_cycle where condominium_id = :condo and outcome = 'SUCCESS'
                           and (connection_id = :connection or connection_id is null)
                         order by started_at desc limit 1
                        """)
                .param("condo", condo.value())
                .param("connection", connectionId)
                .query((rs, i) -> Sql.instant(rs, "started_at"))
                .optional()
                .orElse(null);
    }

    public void pruneCycles(Instant before) {
        jdbc.sql("delete from sync_cycle where started_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    public List<SyncCycleRecord> recentCycles(CondominiumId condo, int limit) {
        return jdbc.sql("""
                        select id, started_at, duration_ms, outcome, error, chargers, transactions, changes
                          from sync_cycle where condominium_id = :condo order by started_at desc, id desc limit :limit
                        """)
                .param("condo", condo.value())
                .param("limit", limit)
                .query((rs, i) -> new SyncCycleRecord(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getLong(3),
                        "SUCCESS".equals(rs.getString(4)),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8)))
                .list();
    }
}
