package br.com.vetric.sessions.internal;

import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for charging sessions; every statement is scoped by condominium_id. */
@Repository
public class SessionRepository {

    private static final String COLUMNS = """
            id, external_transaction_id, charger_uuid, charger_name, connector_id, id_tag, tag_pk, resident_id, status,
            started_at, ended_at, energy_wh, duration_seconds, idle_since, idle_seconds, has_charged, has_idled,
            stuck_since, end_reason, unidentified_reason, last_error_code
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SessionRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Open sessions, sessions of the given transactions, and sessions ended since {@code endedSince}. */
    public List<SessionState> loadWorkingSet(CondominiumId condo, Long[] transactionIds, Instant endedSince) {
        return jdbc.sql("select " + COLUMNS + """
                         from charging_session
                        where condominium_id = :condo
                          and (ended_at is null or ended_at >= :since or external_transaction_id = any(:tx))
                        """)
                .param("condo", condo.value()).param("since", Timestamp.from(endedSince)).param("tx", transactionIds)
                .query(SessionRepository::state).list();
    }

    public List<SessionState> overlapping(CondominiumId condo, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + """
                         from charging_session
                        where condominium_id = :condo and started_at < :to and (ended_at is null or ended_at >= :from)
                        order by started_at, id
                        """)
                .param("condo", condo.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(SessionRepository::state).list();
    }

    public List<SessionState> loadOpen(CondominiumId condo) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where condominium_id = :condo and ended_at is null")
                .param("condo", condo.value()).query(SessionRepository::state).list();
    }

    public Optional<SessionState> find(CondominiumId condo, long id) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where condominium_id = :condo and id = :id")
                .param("condo", condo.value()).param("id", id).query(SessionRepository::state).optional();
    }

    public long insert(CondominiumId condo, SessionState s) {
        return jdbc.sql("""
                        insert into charging_session (condominium_id, external_transaction_id, charger_uuid, charger_name,
                               connector_id, id_tag, tag_pk, resident_id, status, started_at, ended_at, energy_wh,
                               duration_seconds, idle_since, idle_seconds, has_charged, has_idled, stuck_since, end_reason,
                               unidentified_reason, last_error_code)
                        values (:condo, :tx, :uuid, :name, :connector, :tag, :tagPk, :resident, :status, :started, :ended,
                                :energy, :duration, :idleSince, :idleSeconds, :hasCharged, :hasIdled, :stuck, :endReason,
                                :unidentified, :error)
                        returning id
                        """)
                .params(params(condo, s)).query(Long.class).single();
    }

    public void update(CondominiumId condo, List<SessionState> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(changed.size());
        for (SessionState s : changed) {
            args.add(new Object[]{s.externalTransactionId, s.chargerName, s.idTag, s.tagPk, s.residentId, s.status.name(),
                    Sql.ts(s.startedAt), Sql.ts(s.endedAt), s.energyWh, s.durationSeconds, Sql.ts(s.idleSince), s.idleSeconds,
                    s.hasCharged, s.hasIdled, Sql.ts(s.stuckSince), s.endReason, s.unidentifiedReason, s.lastErrorCode,
                    condo.value(), s.id});
        }
        template.batchUpdate("""
                update charging_session set external_transaction_id = ?, charger_name = ?, id_tag = ?, tag_pk = ?,
                       resident_id = ?, status = ?, started_at = ?, ended_at = ?, energy_wh = ?, duration_seconds = ?,
                       idle_since = ?, idle_seconds = ?, has_charged = ?, has_idled = ?, stuck_since = ?, end_reason = ?,
                       unidentified_reason = ?, last_error_code = ?, updated_at = now()
                 where condominium_id = ? and id = ?
                """, args);
    }

    /** Attaches every unidentified session with one of the tags to the resident; returns the sessions attached. */
    public List<SessionState> attach(CondominiumId condo, long residentId, String[] tags) {
        return jdbc.sql("update charging_session set resident_id = :resident, unidentified_reason = null, updated_at = now()"
                        + " where condominium_id = :condo and resident_id is null and id_tag = any(:tags) returning "
                        + COLUMNS)
                .param("condo", condo.value()).param("resident", residentId).param("tags", tags)
                .query(SessionRepository::state).list();
    }

    public List<Row> search(CondominiumId condo, SessionFilter f, List<Long> residentIdsOfApartment, int page, int size) {
        Query q = where(condo, f, residentIdsOfApartment);
        return jdbc.sql("select " + COLUMNS + " from charging_session " + q.sql
                        + " order by started_at desc, id desc limit :size offset :offset")
                .params(q.params).param("size", size).param("offset", (long) page * size)
                .query(SessionRepository::state).list().stream().map(Row::new).toList();
    }

    /**
     * Keyset paging (newest first): the sessions after the one that started at {@code afterStartedAt} with id
     * {@code afterId} (none: from the newest). Each page costs the same however deep it is.
     */
    public List<SessionState> pageAfter(CondominiumId condo, SessionFilter f, List<Long> residentIdsOfApartment,
                                        Instant afterStartedAt, Long afterId, int size) {
        Query q = where(condo, f, residentIdsOfApartment);
        String after = afterStartedAt == null ? "" : " and (started_at, id) < (:afterStarted, :afterId)";
        var spec = jdbc.sql("select " + COLUMNS + " from charging_session " + q.sql + after
                        + " order by started_at desc, id desc limit :size")
                .params(q.params).param("size", size);
        if (afterStartedAt != null) {
            spec = spec.param("afterStarted", Timestamp.from(afterStartedAt)).param("afterId", afterId);
        }
        return spec.query(SessionRepository::state).list();
    }

    public long count(CondominiumId condo, SessionFilter f, List<Long> residentIdsOfApartment) {
        Query q = where(condo, f, residentIdsOfApartment);
        return jdbc.sql("select count(*) from charging_session " + q.sql).params(q.params).query(Long.class).single();
    }

    /** Tags seen on sessions that no resident owns, with how often and when last. */
    public List<UnknownTagRow> unknownTags(CondominiumId condo) {
        return jdbc.sql("""
                        select id_tag, count(*), max(started_at), sum(energy_wh)
                          from charging_session
                         where condominium_id = :condo and resident_id is null and id_tag is not null
                         group by id_tag order by max(started_at) desc
                        """)
                .param("condo", condo.value())
                .query((rs, i) -> new UnknownTagRow(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getLong(4)))
                .list();
    }

    private static Query where(CondominiumId condo, SessionFilter f, List<Long> residentIdsOfApartment) {
        StringBuilder sql = new StringBuilder("where condominium_id = :condo");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("condo", condo.value());
        if (f.status() != null) {
            sql.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.chargerUuid() != null && !f.chargerUuid().isBlank()) {
            sql.append(" and charger_uuid = :uuid");
            params.put("uuid", f.chargerUuid());
        }
        if (f.residentId() != null) {
            sql.append(" and resident_id = :resident");
            params.put("resident", f.residentId());
        }
        if (residentIdsOfApartment != null) {
            sql.append(" and resident_id = any(:aptResidents)");
            params.put("aptResidents", residentIdsOfApartment.toArray(Long[]::new));
        }
        if (f.from() != null) {
            sql.append(" and started_at >= :from");
            params.put("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and started_at < :to");
            params.put("to", Timestamp.from(f.to()));
        }
        if (Boolean.TRUE.equals(f.unidentifiedOnly())) {
            sql.append(" and resident_id is null");
        }
        return new Query(sql.toString(), params);
    }

    private static java.util.Map<String, Object> params(CondominiumId condo, SessionState s) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("condo", condo.value());
        p.put("tx", s.externalTransactionId);
        p.put("uuid", s.chargerUuid);
        p.put("name", s.chargerName);
        p.put("connector", s.connectorId);
        p.put("tag", s.idTag);
        p.put("tagPk", s.tagPk);
        p.put("resident", s.residentId);
        p.put("status", s.status.name());
        p.put("started", Sql.ts(s.startedAt));
        p.put("ended", Sql.ts(s.endedAt));
        p.put("energy", s.energyWh);
        p.put("duration", s.durationSeconds);
        p.put("idleSince", Sql.ts(s.idleSince));
        p.put("idleSeconds", s.idleSeconds);
        p.put("hasCharged", s.hasCharged);
        p.put("hasIdled", s.hasIdled);
        p.put("stuck", Sql.ts(s.stuckSince));
        p.put("endReason", s.endReason);
        p.put("unidentified", s.unidentifiedReason);
        p.put("error", s.lastErrorCode);
        return p;
    }

    static SessionState state(ResultSet rs, int i) throws SQLException {
        SessionState s = new SessionState();
        s.id = rs.getLong("id");
        s.externalTransactionId = Sql.longOrNull(rs, "external_transaction_id");
        s.chargerUuid = rs.getString("charger_uuid");
        s.chargerName = rs.getString("charger_name");
        s.connectorId = rs.getInt("connector_id");
        s.idTag = rs.getString("id_tag");
        s.tagPk = Sql.longOrNull(rs, "tag_pk");
        s.residentId = Sql.longOrNull(rs, "resident_id");
        s.status = SessionStatus.valueOf(rs.getString("status"));
        s.startedAt = Sql.instant(rs, "started_at");
        s.endedAt = Sql.instant(rs, "ended_at");
        s.energyWh = rs.getLong("energy_wh");
        s.durationSeconds = Sql.longOrNull(rs, "duration_seconds");
        s.idleSince = Sql.instant(rs, "idle_since");
        s.idleSeconds = rs.getLong("idle_seconds");
        s.hasCharged = rs.getBoolean("has_charged");
        s.hasIdled = rs.getBoolean("has_idled");
        s.stuckSince = Sql.instant(rs, "stuck_since");
        s.endReason = rs.getString("end_reason");
        s.unidentifiedReason = rs.getString("unidentified_reason");
        s.lastErrorCode = rs.getString("last_error_code");
        return s;
    }



    private record Query(String sql, java.util.Map<String, Object> params) {
    }

    /** A stored session (read side). */
    public record Row(SessionState s) {
    }

    public record UnknownTagRow(String tag, long sessions, Instant lastSeenAt, long energyWh) {
    }
}
