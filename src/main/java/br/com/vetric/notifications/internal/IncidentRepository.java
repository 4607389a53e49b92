package br.com.vetric.notifications.internal;

import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open and cleared incidents (a fault, an offline charger, a stuck session, an unknown tag). */
@Repository
public class IncidentRepository {

    public enum Type {
        FAULT,
        OFFLINE,
        STUCK,
        UNIDENTIFIED_TAG,
        /** The same card charging on more than one charger at once. */
        DUPLICATE_TAG
    }

    public record Incident(
            long id,
            Type type,
            String key,
            String chargerUuid,
            String chargerName,
            Long sessionId,
            String detail,
            Instant openedAt,
            Instant clearedAt) {

        public String subject() {
            return "incident:" + id;
        }
    }

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open incident for this key: the existing one (a duplicate event), or a new one. */
    public Incident open(
            CondominiumId condo,
            Type type,
            String key,
            String chargerUuid,
            String chargerName,
            Long sessionId,
            String detail,
            Instant at) {
        jdbc.sql("""
                        insert into notification_incident (condominium_id, type, incident_key, charger_uuid, charger_name,
                               session_id, detail, opened_at)
                        values (:condo, :type, :key, :uuid, :name, :session, :detail, :at)
                        on conflict (condominium_id, type, incident_key) where cleared_at is null do nothing
                        """)
                .param("condo", condo.value())
                .param("type", type.name())
                .param("key", key)
                .param("uuid", chargerUuid)
                .param("name", chargerName)
                .param("session", sessionId)
                .param("detail", detail)
                .param("at", Sql.ts(at))
                .update();
        return findOpen(condo, type, key).orElseThrow();
    }

    public Optional<Incident> findOpen(CondominiumId condo, Type type, String key) {
        return jdbc.sql("""
                        select * from notification_incident
                         where condominium_id = :condo and type = :type and incident_key = :key and cleared_at is null
                        """)
                .param("condo", condo.value())
                .param("type", type.name())
                .param("key", key)
                .query(IncidentRepository::map)
                .optional();
    }

    public Optional<Incident> find(CondominiumId condo, long id) {
        return jdbc.sql("select * from notification_incident where condominium_id = :condo and id = :id")
                .param("condo", condo.value())
                .param("id", id)
                .query(IncidentRepository::map)
                .optional();
    }

    /** Clears the open incident for this key, returning it (empty when there was none). */
    public Optional<Incident> clear(CondominiumId condo, Type type, String key, Instant at) {
        return jdbc.sql("""
                        update notification_incident set cleared_at = :at
                         where condominium_id = :condo and type = :type and incident_key = :key and cleared_at is null
                        returning *
                        """)
                .param("condo", condo.value())
                .param("type", type.name())
                .param("key", key)
                .param("at", Sql.ts(at))
                .query(IncidentRepository::map)
                .optional();
    }

    /** An incident to open: nothing happens when one is already open for its (type, key). */
    public record Opening(
            Type type, String key, String chargerUuid, String chargerName, Long sessionId, String detail, Instant at) {}

    /** Opens many incidents in one statement and returns the open incident of each (type, key), new or existing. */
    public java.util.Map<String, Incident> openAll(CondominiumId condo, List<Opening> openings) {
        java.util.Map<String, Incident> result = new java.util.HashMap<>();
        if (openings.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        with v as (select * from unnest(:types, :keys, :uuids, :names, :sessions, :details,
                                                        cast(:ats as timestamptz[]))
                                        as v(type, incident_key, charger_uuid, charger_name, session_id, detail, opened_at)),
                             made as (insert into notification_incident (condominium_id, type, incident_key,
                                             charger_uuid, charger_name, session_id, detail, opened_at)
                                      select :condo, v.* from v
                                      on conflict (condominium_id, type, incident_key) where cleared_at is null do nothing
                                      returning *)
                        select * from made
                        union all
                        select i.* from notification_incident i join v
                          on i.type = v.type and i.incident_key = v.incident_key
                         where i.condominium_id = :condo and i.cleared_at is null
                        """)
                .param("condo", condo.value())
                .param("types", openings.stream().map(o -> o.type().name()).toArray(String[]::new))
                .param("keys", openings.stream().map(Opening::key).toArray(String[]::new))
                .param("uuids", openings.stream().map(Opening::chargerUuid).toArray(String[]::new))
                .param("names", openings.stream().map(Opening::chargerName).toArray(String[]::new))
                .param("sessions", openings.stream().map(Opening::sessionId).toArray(Long[]::new))
                .param("details", openings.stream().map(Opening::detail).toArray(String[]::new))
                .param("ats", Sql.instants(openings.stream().map(Opening::at)))
                .query(IncidentRepository::map)
                .list()
                .forEach(incident -> result.put(incident.type() + ":" + incident.key(), incident));
        return result;
    }

    /** Clears the open incidents of these (type, key) pairs in one statement; returns those that were open. */
    public List<Incident> clearAll(CondominiumId condo, List<Type> types, List<String> keys, List<Instant> ats) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update notification_incident i set cleared_at = v.at
                          from unnest(:types, :keys, cast(:ats as timestamptz[])) as v(type, incident_key, at)
                         where i.condominium_id = :condo and i.type = v.type and i.incident_key = v.incident_key
                           and i.cleared_at is null
                        returning i.*
                        """)
                .param("condo", condo.value())
                .param("types", types.stream().map(Type::name).toArray(String[]::new))
                .param("keys", keys.toArray(String[]::new))
                .param("ats", Sql.instants(ats.stream()))
                .query(IncidentRepository::map)
                .list();
    }

    /** Clears the open incidents of a type whose key is not among {@code keep} (one statement). */
    public void clearAllExcept(CondominiumId condo, Type type, Collection<String> keep, Instant at) {
        jdbc.sql("""
                        update notification_incident set cleared_at = :at
                         where condominium_id = :condo and type = :type and cleared_at is null
                           and incident_key <> all(:keep)
                        """)
                .param("condo", condo.value())
                .param("type", type.name())
                .param("keep", keep.toArray(String[]::new))
                .param("at", Sql.ts(at))
                .update();
    }

    /** Incidents by id. */
    public java.util.Map<Long, Incident> findAll(CondominiumId condo, Collection<Long> ids) {
        java.util.Map<Long, Incident> result = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select * from notification_incident where condominium_id = :condo and id = any(:ids)")
                .param("condo", condo.value())
                .param("ids", ids.toArray(Long[]::new))
                .query(IncidentRepository::map)
                .list()
                .forEach(incident -> result.put(incident.id(), incident));
        return result;
    }

    private static Incident map(ResultSet rs, int i) throws SQLException {
        return new Incident(
                rs.getLong("id"),
                Type.valueOf(rs.getString("type")),
                rs.getString("incident_key"),
                rs.getString("charger_uuid"),
                rs.getString("charger_name"),
                Sql.longOrNull(rs, "session_id"),
                rs.getString("detail"),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "cleared_at"));
    }
}
