package br.com.vetric.notifications.internal;

import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
        UNIDENTIFIED_TAG
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
