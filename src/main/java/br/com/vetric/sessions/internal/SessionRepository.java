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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for charging sessions and their charging intervals; every statement is scoped by condominium_id. */
@Repository("chargingSessionRepository") // "sessionRepository" is Spring Session's (web sessions)
public class SessionRepository {

    private static final String COLUMNS = """
            condominium_id, id, external_transaction_id, charger_uuid, charger_name, connector_id, id_tag, tag_pk,
            resident_id, unidentified_reason, status, started_at, ended_at, energy_wh, duration_seconds, idle_since,
            idle_seconds, has_charged, has_idled, stuck_since, end_reason, last_error_code, charging_since, observed_live,
            energy_pending
            """;
    /** The sessions to write, as one row set (the column order of {@link #COLUMNS} without condominium_id). */
    private static final String UNNEST = """
            unnest(:ids, :txs, :uuids, :names, :connectors, :tags, :tagPks, :residents, :unidentified, :statuses,
                   cast(:starteds as timestamptz[]), cast(:endeds as timestamptz[]), :energies, :durations,
                   cast(:idleSinces as timestamptz[]), :idleSeconds, :chargeds, :idleds,
                   cast(:stucks as timestamptz[]), :endReasons, :errors, cast(:chargingSinces as timestamptz[]),
                   :lives, :pendings)
                as v(id, tx, uuid, name, connector, tag, tag_pk, resident, unidentified, status, started, ended, energy,
                     duration, idle_since, idle_seconds, charged, idled, stuck, end_reason, error, charging_since, live,
                     pending)
            """;

    /** Binds one array per column for {@link #UNNEST}. */
    private static JdbcClient.StatementSpec columns(JdbcClient.StatementSpec spec, List<Session> rows) {
        return spec.param("ids", rows.stream().map(Session::id).toArray(Long[]::new))
                .param("txs", rows.stream().map(Session::transactionId).toArray(Long[]::new))
                .param("uuids", rows.stream().map(Session::chargerUuid).toArray(String[]::new))
                .param("names", rows.stream().map(Session::chargerName).toArray(String[]::new))
                .param("connectors", rows.stream().map(Session::connectorId).toArray(Integer[]::new))
                .param("tags", rows.stream().map(Session::idTag).toArray(String[]::new))
                .param("tagPks", rows.stream().map(Session::tagPk).toArray(Long[]::new))
                .param("residents", rows.stream().map(Session::residentId).toArray(Long[]::new))
                .param(
                        "unidentified",
                        rows.stream().map(r -> name(r.unidentifiedReason())).toArray(String[]::new))
                .param("statuses", rows.stream().map(r -> r.status().name()).toArray(String[]::new))
                .param("starteds", Sql.instants(rows.stream().map(Session::startedAt)))
                .param("endeds", Sql.instants(rows.stream().map(Session::endedAt)))
                .param("energies", rows.stream().map(Session::energyWh).toArray(Long[]::new))
                .param("durations", rows.stream().map(Session::durationSeconds).toArray(Long[]::new))
                .param("idleSinces", Sql.instants(rows.stream().map(Session::idleSince)))
                .param(
                        "idleSeconds",
                        rows.stream().map(Session::recordedIdleSeconds).toArray(Long[]::new))
                .param("chargeds", rows.stream().map(Session::hasCharged).toArray(Boolean[]::new))
                .param("idleds", rows.stream().map(Session::hasIdled).toArray(Boolean[]::new))
                .param("stucks", Sql.instants(rows.stream().map(Session::stuckSince)))
                .param("endReasons", rows.stream().map(r -> name(r.endReason())).toArray(String[]::new))
                .param("errors", rows.stream().map(Session::lastErrorCode).toArray(String[]::new))
                .param("chargingSinces", Sql.instants(rows.stream().map(Session::chargingSince)))
                .param("lives", rows.stream().map(Session::observedLive).toArray(Boolean[]::new))
                .param("pendings", rows.stream().map(Session::energyPending).toArray(Boolean[]::new));
    }

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Open sessions whose tag is open on more than one charger right now. */
    public List<Session> openWithTagsOnSeveralChargers(CondominiumId condo) {
        return jdbc.sql("select " + COLUMNS + """
                         from charging_session
                        where condominium_id = :condo and ended_at is null and id_tag in (
                              select id_tag from charging_session
                               where condominium_id = :condo and ended_at is null and id_tag is not null
                               group by id_tag having count(distinct charger_uuid) > 1)
                        order by id_tag, started_at
                        """)
                .param("condo", condo.value())
                .query(SessionRepository::session)
                .list();
    }

    public List<Session> findAll(CondominiumId condo, Collection<Long> ids) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where condominium_id = :condo and id = any(:ids)")
                .param("condo", condo.value())
                .param("ids", ids.toArray(Long[]::new))
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
        List<Session> updates = new ArrayList<>();
        List<Session> inserts = new ArrayList<>();
        List<Session> withIntervals = new ArrayList<>();
        for (Session s : sessions) {
            if (!s.needsWriting()) {
                continue;
            }
            (s.isNew() ? inserts : updates).add(s);
            if (!s.closedIntervals().isEmpty()) {
                withIntervals.add(s);
            }
        }
        if (!updates.isEmpty()) {
            columns(jdbc.sql("""
                            update charging_session c set external_transaction_id = v.tx, charger_name = v.name,
                                   id_tag = v.tag, tag_pk = v.tag_pk, resident_id = v.resident,
                                   unidentified_reason = v.unidentified, status = v.status, started_at = v.started,
                                   ended_at = v.ended, energy_wh = v.energy, duration_seconds = v.duration,
                                   idle_since = v.idle_since, idle_seconds = v.idle_seconds, has_charged = v.charged,
                                   has_idled = v.idled, stuck_since = v.stuck, end_reason = v.end_reason,
                                   last_error_code = v.error, charging_since = v.charging_since,
                                   observed_live = v.live, energy_pending = v.pending, updated_at = now()
                              from""" + " " + UNNEST + """
                             where c.condominium_id = :condo and c.id = v.id
                            """), updates)
                    .param("condo", condo.value())
                    .update();
        }
        if (!inserts.isEmpty()) {
            columns(
                            jdbc.sql(
                                    "insert into charging_session (" + COLUMNS + ") select :condo, v.* from " + UNNEST),
                            inserts)
                    .param("condo", condo.value())
                    .update();
        }
        if (!withIntervals.isEmpty()) {
            List<Long> ids = new ArrayList<>();
            List<Instant> starts = new ArrayList<>();
            List<Instant> ends = new ArrayList<>();
            for (Session s : withIntervals) {
                for (ChargingInterval i : s.closedIntervals()) {
                    ids.add(s.id());
                    starts.add(i.start());
                    ends.add(i.end());
                }
            }
            jdbc.sql("""
                            insert into session_charging_interval (condominium_id, session_id, started_at, ended_at)
                            select :condo, v.* from unnest(:ids, cast(:starts as timestamptz[]),
                                                           cast(:ends as timestamptz[])) as v(session_id, s, e)
                            on conflict (session_id, started_at) do update set ended_at = excluded.ended_at
                            """)
                    .param("condo", condo.value())
                    .param("ids", ids.toArray(Long[]::new))
                    .param("starts", Sql.instants(starts.stream()))
                    .param("ends", Sql.instants(ends.stream()))
                    .update();
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
