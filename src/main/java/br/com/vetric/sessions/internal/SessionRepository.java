package br.com.vetric.sessions.internal;

import br.com.vetric.platform.Sql;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.UnidentifiedReason;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.EndReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for charging sessions and their charging intervals; every statement is scoped by condominium_id. */
@Repository
public class SessionRepository {

    private static final String COLUMNS = """
            condominium_id, id, external_transaction_id, charger_uuid, charger_name, connector_id, id_tag, tag_pk,
            resident_id, unidentified_reason, status, started_at, ended_at, energy_wh, duration_seconds, idle_since,
            idle_seconds, has_charged, has_idled, stuck_since, end_reason, last_error_code, charging_since, observed_live,
            energy_pending
            """;
    private static final String INSERT = "insert into charging_session (" + COLUMNS + """
            ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            update charging_session set external_transaction_id = ?, charger_name = ?, id_tag = ?, tag_pk = ?,
                   resident_id = ?, unidentified_reason = ?, status = ?, started_at = ?, ended_at = ?, energy_wh = ?,
                   duration_seconds = ?, idle_since = ?, idle_seconds = ?, has_charged = ?, has_idled = ?,
                   stuck_since = ?, end_reason = ?, last_error_code = ?, charging_since = ?, observed_live = ?,
                   energy_pending = ?, updated_at = now()
             where condominium_id = ? and id = ?
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SessionRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Open sessions, sessions of the given transactions, and sessions ended since {@code endedSince}. */
    public List<Session> loadWorkingSet(CondominiumId condo, Long[] transactionIds, Instant endedSince) {
        return jdbc.sql("select " + COLUMNS + """
                         from charging_session
                        where condominium_id = :condo
                          and (ended_at is null or ended_at >= :since or external_transaction_id = any(:tx))
                        """)
                .param("condo", condo.value())
                .param("since", Timestamp.from(endedSince))
                .param("tx", transactionIds)
                .query(SessionRepository::session)
                .list();
    }

    public List<Session> overlapping(CondominiumId condo, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + """
                         from charging_session
                        where condominium_id = :condo and started_at < :to and (ended_at is null or ended_at >= :from)
                        order by started_at, id
                        """)
                .param("condo", condo.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(SessionRepository::session)
                .list();
    }

    public List<Session> loadOpen(CondominiumId condo) {
        return jdbc.sql("select " + COLUMNS
                        + " from charging_session where condominium_id = :condo and ended_at is null")
                .param("condo", condo.value())
                .query(SessionRepository::session)
                .list();
    }

    public Optional<Session> find(CondominiumId condo, long id) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where condominium_id = :condo and id = :id")
                .param("condo", condo.value())
                .param("id", id)
                .query(SessionRepository::session)
                .optional();
    }

    /** The closed charging intervals of the given sessions, oldest first, by session id. */
    public Map<Long, List<ChargingInterval>> intervals(CondominiumId condo, Collection<Long> sessionIds) {
        Map<Long, List<ChargingInterval>> result = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select session_id, started_at, ended_at from session_charging_interval
                         where condominium_id = :condo and session_id = any(:ids) order by session_id, started_at
                        """)
                .param("condo", condo.value())
                .param("ids", sessionIds.toArray(Long[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new ChargingInterval(
                                    rs.getTimestamp(2).toInstant(),
                                    rs.getTimestamp(3).toInstant()));
                });
        return result;
    }

    /**
     * Ids for new sessions, taken from the table's sequence in growing blocks (one statement per block), so that a
     * session's events can name it before the cycle writes it.
     */
    public IdSource ids() {
        return new IdSource();
    }

    /** Hands out session ids, asking the database for more only when it runs out. */
    public final class IdSource {
        private final Deque<Long> ids = new ArrayDeque<>();
        private int block = 8;

        public long next() {
            if (ids.isEmpty()) {
                ids.addAll(jdbc.sql("""
                                select nextval(pg_get_serial_sequence('charging_session', 'id'))
                                  from generate_series(1, :n)
                                """).param("n", block).query(Long.class).list());
                block = Math.min(block * 2, 1024);
            }
            return ids.removeFirst();
        }
    }

    /**
     * Writes what the poll changed, in one pass: sessions that changed (closings first, so that a new session may
     * open on the same connector), then new sessions, then the charging intervals they closed.
     */
    public void save(CondominiumId condo, List<Session> sessions) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> intervals = new ArrayList<>();
        for (Session s : sessions) {
            if (!s.needsWriting()) {
                continue;
            }
            if (s.isNew()) {
                inserts.add(new Object[] {
                    condo.value(),
                    s.id(),
                    s.transactionId(),
                    s.chargerUuid(),
                    s.chargerName(),
                    s.connectorId(),
                    s.idTag(),
                    s.tagPk(),
                    s.residentId(),
                    name(s.unidentifiedReason()),
                    s.status().name(),
                    Sql.ts(s.startedAt()),
                    Sql.ts(s.endedAt()),
                    s.energyWh(),
                    s.durationSeconds(),
                    Sql.ts(s.idleSince()),
                    s.recordedIdleSeconds(),
                    s.hasCharged(),
                    s.hasIdled(),
                    Sql.ts(s.stuckSince()),
                    name(s.endReason()),
                    s.lastErrorCode(),
                    Sql.ts(s.chargingSince()),
                    s.observedLive(),
                    s.energyPending()
                });
            } else {
                updates.add(new Object[] {
                    s.transactionId(),
                    s.chargerName(),
                    s.idTag(),
                    s.tagPk(),
                    s.residentId(),
                    name(s.unidentifiedReason()),
                    s.status().name(),
                    Sql.ts(s.startedAt()),
                    Sql.ts(s.endedAt()),
                    s.energyWh(),
                    s.durationSeconds(),
                    Sql.ts(s.idleSince()),
                    s.recordedIdleSeconds(),
                    s.hasCharged(),
                    s.hasIdled(),
                    Sql.ts(s.stuckSince()),
                    name(s.endReason()),
                    s.lastErrorCode(),
                    Sql.ts(s.chargingSince()),
                    s.observedLive(),
                    s.energyPending(),
                    condo.value(),
                    s.id()
                });
            }
            for (ChargingInterval i : s.closedIntervals()) {
                intervals.add(new Object[] {condo.value(), s.id(), Sql.ts(i.start()), Sql.ts(i.end())});
            }
        }
        if (!updates.isEmpty()) {
            template.batchUpdate(UPDATE, updates);
        }
        if (!inserts.isEmpty()) {
            template.batchUpdate(INSERT, inserts);
        }
        if (!intervals.isEmpty()) {
            template.batchUpdate("""
                    insert into session_charging_interval (condominium_id, session_id, started_at, ended_at)
                    values (?, ?, ?, ?) on conflict (session_id, started_at) do update set ended_at = excluded.ended_at
                    """, intervals);
        }
        sessions.forEach(Session::saved);
    }

    /** Attaches every unidentified session with one of the tags to the resident; returns the sessions attached. */
    public List<Session> attach(CondominiumId condo, long residentId, String[] tags) {
        return jdbc.sql(
                        "update charging_session set resident_id = :resident, unidentified_reason = null, updated_at = now()"
                                + " where condominium_id = :condo and resident_id is null and id_tag = any(:tags) returning "
                                + COLUMNS)
                .param("condo", condo.value())
                .param("resident", residentId)
                .param("tags", tags)
                .query(SessionRepository::session)
                .list();
    }

    public List<Session> search(
            CondominiumId condo, SessionFilter f, List<Long> residentIdsOfApartment, int page, int size) {
        Query q = where(condo, f, residentIdsOfApartment);
        return jdbc.sql("select " + COLUMNS + " from charging_session " + q.sql
                        + " order by started_at desc, id desc limit :size offset :offset")
                .params(q.params)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(SessionRepository::session)
                .list();
    }

    /**
     * Keyset paging (newest first): the sessions after the one that started at {@code afterStartedAt} with id
     * {@code afterId} (none: from the newest). Each page costs the same however deep it is.
     */
    public List<Session> pageAfter(
            CondominiumId condo,
            SessionFilter f,
            @Nullable List<Long> residentIdsOfApartment,
            @Nullable Instant afterStartedAt,
            @Nullable Long afterId,
            int size) {
        Query q = where(condo, f, residentIdsOfApartment);
        String after = afterStartedAt == null ? "" : " and (started_at, id) < (:afterStarted, :afterId)";
        var spec = jdbc.sql("select " + COLUMNS + " from charging_session " + q.sql + after
                        + " order by started_at desc, id desc limit :size")
                .params(q.params)
                .param("size", size);
        if (afterStartedAt != null) {
            spec = spec.param("afterStarted", Timestamp.from(afterStartedAt)).param("afterId", afterId);
        }
        return spec.query(SessionRepository::session).list();
    }

    public long count(CondominiumId condo, SessionFilter f, List<Long> residentIdsOfApartment) {
        Query q = where(condo, f, residentIdsOfApartment);
        return jdbc.sql("select count(*) from charging_session " + q.sql)
                .params(q.params)
                .query(Long.class)
                .single();
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
                .query((rs, i) -> new UnknownTagRow(
                        rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .list();
    }

    private static Query where(CondominiumId condo, SessionFilter f, List<Long> residentIdsOfApartment) {
        StringBuilder sql = new StringBuilder("where condominium_id = :condo");
        Map<String, Object> params = new HashMap<>();
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

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Session session(ResultSet rs, int i) throws SQLException {
        String unidentified = rs.getString("unidentified_reason");
        String endReason = rs.getString("end_reason");
        return new Session(
                CondominiumId.of(rs.getLong("condominium_id")),
                rs.getLong("id"),
                Sql.longOrNull(rs, "external_transaction_id"),
                rs.getString("charger_uuid"),
                rs.getString("charger_name"),
                rs.getInt("connector_id"),
                rs.getString("id_tag"),
                Sql.longOrNull(rs, "tag_pk"),
                Sql.longOrNull(rs, "resident_id"),
                unidentified == null ? null : UnidentifiedReason.valueOf(unidentified),
                SessionStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "ended_at"),
                rs.getLong("energy_wh"),
                Sql.longOrNull(rs, "duration_seconds"),
                Sql.instant(rs, "idle_since"),
                rs.getLong("idle_seconds"),
                rs.getBoolean("has_charged"),
                rs.getBoolean("has_idled"),
                Sql.instant(rs, "stuck_since"),
                endReason == null ? null : EndReason.valueOf(endReason),
                rs.getString("last_error_code"),
                Sql.instant(rs, "charging_since"),
                rs.getBoolean("observed_live"),
                rs.getBoolean("energy_pending"));
    }

    private record Query(String sql, Map<String, Object> params) {}

    public record UnknownTagRow(String tag, long sessions, Instant lastSeenAt, long energyWh) {}
}
