package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationTemplate;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Message templates per condominium and kind. */
@Repository
public class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the default of every kind the condominium does not have yet; never touches existing rows. */
    public int seedMissing(CondominiumId condo, Instant now) {
        int inserted = 0;
        for (NotificationKind kind : NotificationKind.values()) {
            inserted += jdbc.sql("""
                            insert into notification_template (condominium_id, kind, enabled, body, delay_seconds, updated_at)
                            values (:condo, :kind, true, :body, :delay, :now)
                            on conflict (condominium_id, kind) do nothing
                            """)
                    .param("condo", condo.value())
                    .param("kind", kind.name())
                    .param("body", kind.defaultText())
                    .param("delay", kind.defaultDelaySeconds())
                    .param("now", Sql.ts(now))
                    .update();
        }
        return inserted;
    }

    public List<NotificationTemplate> list(CondominiumId condo) {
        return jdbc
                .sql("select * from notification_template where condominium_id = :condo")
                .param("condo", condo.value())
                .query(TemplateRepository::map)
                .list()
                .stream()
                .filter(t -> t != null)
                .sorted(java.util.Comparator.comparing(NotificationTemplate::kind))
                .toList();
    }

    public Optional<NotificationTemplate> find(CondominiumId condo, NotificationKind kind) {
        return jdbc.sql("select * from notification_template where condominium_id = :condo and kind = :kind")
                .param("condo", condo.value())
                .param("kind", kind.name())
                .query(TemplateRepository::map)
                .optional();
    }

    public void update(
            CondominiumId condo, NotificationKind kind, boolean enabled, String body, int delaySeconds, Instant now) {
        jdbc.sql("""
                        update notification_template set enabled = :enabled, body = :body, delay_seconds = :delay,
                               updated_at = :now
                         where condominium_id = :condo and kind = :kind
                        """)
                .param("condo", condo.value())
                .param("kind", kind.name())
                .param("enabled", enabled)
                .param("body", body)
                .param("delay", delaySeconds)
                .param("now", Sql.ts(now))
                .update();
    }

    private static NotificationTemplate map(ResultSet rs, int i) throws SQLException {
        NotificationKind kind;
        try {
            kind = NotificationKind.valueOf(rs.getString("kind"));
        } catch (IllegalArgumentException e) {
            return null; // a kind removed from the code: ignored (and reported at startup)
        }
        return new NotificationTemplate(
                kind,
                kind.audience(),
                rs.getBoolean("enabled"),
                rs.getString("body"),
                rs.getInt("delay_seconds"),
                kind.timed(),
                Sql.instant(rs, "updated_at"));
    }
}
