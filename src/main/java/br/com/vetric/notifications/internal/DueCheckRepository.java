package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import java.util.Collection;
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

    /** A check to schedule: {@code rearm} moves an existing one to the new time (and makes it pending again). */
    public record Schedule(NotificationKind kind, String subject, Instant dueAt, boolean rearm) {}

    /** Schedules many checks in (at most) two statements: first-come checks and re-armed ones. */
    public void scheduleAll(CondominiumId condo, List<Schedule> checks, Instant now) {
        for (boolean rearm : new boolean[] {false, true}) {
            // one row per (kind, subject): the first of a first-come check, the last of a re-armed one
            java.util.Map<String, Schedule> byKey = new java.util.LinkedHashMap<>();
            checks.stream()
                    .filter(c -> c.rearm() == rearm)
                    .forEach(c -> byKey.merge(c.kind() + "|" + c.subject(), c, (a, b) -> rearm ? b : a));
            List<Schedule> part = List.copyOf(byKey.values());
            if (part.isEmpty()) {
                continue;
            }
            jdbc.sql("""
                            insert into notification_due_check (condominium_id, kind, subject, due_at, status, created_at,
                                   updated_at)
                            select :condo, v.kind, v.subject, v.due, 'PENDING', :now, :now
                              from unnest(:kinds, :subjects, cast(:dues as timestamptz[])) as v(kind, subject, due)
                            on conflict (condominium_id, subject, kind) do """
                            + (rearm
                                    ? " update set due_at = excluded.due_at, status = 'PENDING', updated_at = excluded.updated_at"
                                    : " nothing"))
                    .param("condo", condo.value())
                    .param("now", Sql.ts(now))
                    .param("kinds", part.stream().map(c -> c.kind().name()).toArray(String[]::new))
                    .param("subjects", part.stream().map(Schedule::subject).toArray(String[]::new))
                    .param("dues", Sql.instants(part.stream().map(Schedule::dueAt)))
                    .update();
        }
    }

    /** The checks of one kind for these subjects, whatever their state. */
    public List<DueCheck> findAll(CondominiumId condo, NotificationKind kind, Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, kind, subject, due_at, status from notification_due_check
                         where condominium_id = :condo and kind = :kind and subject = any(:subjects)
                        """)
                .param("condo", condo.value())
                .param("kind", kind.name())
                .param("subjects", subjects.toArray(String[]::new))
                .query(DueCheckRepository::map)
                .list();
    }

    /** Locks those of the given (kind, subject) checks that are pending and due (skipping any another worker holds). */
    public List<DueCheck> lockDueAmong(CondominiumId condo, Collection<Schedule> keys, Instant now) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select d.id, d.kind, d.subject, d.due_at, d.status from notification_due_check d
                          join unnest(:kinds, :subjects) as k(kind, subject)
                            on d.kind = k.kind and d.subject = k.subject
                         where d.condominium_id = :condo and d.status = 'PENDING' and d.due_at <= :now
                         order by d.due_at, d.id for update of d skip locked
                        """)
                .param("condo", condo.value())
                .param("now", Sql.ts(now))
                .param("kinds", keys.stream().map(c -> c.kind().name()).toArray(String[]::new))
                .param("subjects", keys.stream().map(Schedule::subject).toArray(String[]::new))
                .query(DueCheckRepository::map)
                .list();
    }

    /** Marks checks done, and moves others to a later time, in (at most) two statements. */
    public void finish(CondominiumId condo, Collection<Long> done, java.util.Map<Long, Instant> later, Instant now) {
        if (!done.isEmpty()) {
            jdbc.sql("""
                            update notification_due_check set status = 'DONE', updated_at = :now
                             where condominium_id = :condo and id = any(:ids)
                            """)
                    .param("condo", condo.value())
                    .param("ids", done.toArray(Long[]::new))
                    .param("now", Sql.ts(now))
                    .update();
        }
        if (!later.isEmpty()) {
            List<Long> ids = List.copyOf(later.keySet());
            jdbc.sql("""
                            update notification_due_check d set due_at = v.due, updated_at = :now
                              from unnest(:ids, cast(:dues as timestamptz[])) as v(id, due)
                             where d.condominium_id = :condo and d.id = v.id
                            """)
                    .param("condo", condo.value())
                    .param("ids", ids.toArray(Long[]::new))
                    .param("dues", Sql.instants(ids.stream().map(later::get)))
                    .param("now", Sql.ts(now))
                    .update();
        }
    }

    private static DueCheck map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new DueCheck(
                rs.getLong(1),
                NotificationKind.valueOf(rs.getString(2)),
                rs.getString(3),
                Sql.instant(rs, "due_at"),
                rs.getString(5));
    }
}
