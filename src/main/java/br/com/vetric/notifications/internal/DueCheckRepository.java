package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Time-based rules waiting for their moment (re-evaluated against the current state when due). */
@Repository
public class DueCheckRepository {

    public record DueCheck(long id, NotificationKind kind, String subject, Instant dueAt, String status) {}

    private final JdbcClient jdbc;

    DueCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Schedules the check unless one exists for this subject and kind (whatever its state). */
    public void scheduleOnce(CondominiumId condo, NotificationKind kind, String subject, Instant dueAt, Instant now) {
        jdbc.sql("""
                        insert into notification_due_check (condominium_id, kind, subject, due_at, status, created_at, updated_at)
                        values (:condo, :kind, :subject, :due, 'PENDING', :now, :now)
                        on conflict (condominium_id, subject, kind) do nothing
                        """)
                .param("condo", condo.value())
                .param("kind", kind.name())
                .param("subject", subject)
                .param("due", Sql.ts(dueAt))
                .param("now", Sql.ts(now))
                .update();
    }

    /** Schedules the check, or re-arms an existing one for the new time (e.g. the idle timer restarting). */
    public void scheduleOrRearm(
            CondominiumId condo, NotificationKind kind, String subject, Instant dueAt, Instant now) {
        jdbc.sql("""
                        insert into notification_due_check (condominium_id, kind, subject, due_at, status, created_at, updated_at)
                        values (:condo, :kind, :subject, :due, 'PENDING', :now, :now)
                        on conflict (condominium_id, subject, kind)
                        do update set due_at = excluded.due_at, status = 'PENDING', updated_at = excluded.updated_at
                        """)
                .param("condo", condo.value())
                .param("kind", kind.name())
                .param("subject", subject)
                .param("due", Sql.ts(dueAt))
                .param("now", Sql.ts(now))
                .update();
    }

    public Optional<DueCheck> find(CondominiumId condo, NotificationKind kind, String subject) {
        return jdbc.sql("""
                        select id, kind, subject, due_at, status from notification_due_check
                         where condominium_id = :condo and kind = :kind and subject = :subject
                        """)
                .param("condo", condo.value())
                .param("kind", kind.name())
                .param("subject", subject)
                .query((rs, i) -> new DueCheck(
                        rs.getLong(1),
                        NotificationKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Sql.instant(rs, "due_at"),
                        rs.getString(5)))
                .optional();
    }

    /** Locks due checks (skipping those another worker holds); call inside a transaction. */
    public List<DueCheck> lockDue(CondominiumId condo, Instant now, int limit) {
        return jdbc.sql("""
                        select id, kind, subject, due_at, status from notification_due_check
                         where condominium_id = :condo and status = 'PENDING' and due_at <= :now
                         order by due_at, id limit :limit for update skip locked
                        """)
                .param("condo", condo.value())
                .param("now", Sql.ts(now))
                .param("limit", limit)
                .query((rs, i) -> new DueCheck(
                        rs.getLong(1),
                        NotificationKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Sql.instant(rs, "due_at"),
                        rs.getString(5)))
                .list();
    }

    /** Locks one pending check that is due; empty when none (or another worker holds it). */
    public Optional<DueCheck> lockIfDue(CondominiumId condo, NotificationKind kind, String subject, Instant now) {
        return jdbc.sql("""
                        select id, kind, subject, due_at, status from notification_due_check
                         where condominium_id = :condo and kind = :kind and subject = :subject
                           and status = 'PENDING' and due_at <= :now
                         for update skip locked
                        """)
                .param("condo", condo.value())
                .param("kind", kind.name())
                .param("subject", subject)
                .param("now", Sql.ts(now))
                .query((rs, i) -> new DueCheck(
                        rs.getLong(1),
                        NotificationKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Sql.instant(rs, "due_at"),
                        rs.getString(5)))
                .optional();
    }

    public void done(CondominiumId condo, long id, Instant now) {
        jdbc.sql(
                        "update notification_due_check set status = 'DONE', updated_at = :now where condominium_id = :condo and id = :id")
                .param("condo", condo.value())
                .param("id", id)
                .param("now", Sql.ts(now))
                .update();
    }

    public void reschedule(CondominiumId condo, long id, Instant dueAt, Instant now) {
        jdbc.sql(
                        "update notification_due_check set due_at = :due, updated_at = :now where condominium_id = :condo and id = :id")
                .param("condo", condo.value())
                .param("id", id)
                .param("due", Sql.ts(dueAt))
                .param("now", Sql.ts(now))
                .update();
    }
}
