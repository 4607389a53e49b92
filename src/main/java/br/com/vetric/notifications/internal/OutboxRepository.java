package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.DeliveredNotification;
import br.com.vetric.notifications.DeliveryFailure;
import br.com.vetric.notifications.NotificationFilter;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationStatus;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable outbox, which is also the delivery log. */
@Repository
public class OutboxRepository {

    /** A message to insert. {@code status} is PENDING or SKIPPED (with the reason in {@code error}). */
    public record NewMessage(
            NotificationKind kind,
            String subject,
            String recipient,
            String phone,
            Long residentId,
            String residentName,
            String chargerName,
            Long sessionId,
            String body,
            List<String> params,
            NotificationStatus status,
            String error) {}

    /** A claimed message, with the attempt number that identifies this claim. */
    public record Claimed(
            long id,
            CondominiumId condo,
            NotificationKind kind,
            String phone,
            String body,
            List<String> params,
            int attempt) {

        @Override
        public String toString() {
            return "Claimed[id=" + id + ", kind=" + kind + ", phone=" + Phones.mask(phone) + ", attempt=" + attempt
                    + "]";
        }
    }

    /**
     * What a sign-in code's row keeps once it is sent, failed or skipped: the code was only needed to deliver it (and
     * a code is void after 5 minutes anyway).
     */
    public static final String HIDDEN_BODY = "Código de acesso ao app (" + NotificationKind.HIDDEN_CODE + ")";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the message unless its (subject, kind, recipient) or its session outcome already exists. */
    public boolean insert(CondominiumId condo, NewMessage m, Instant now) {
        return jdbc.sql("""
                        insert into notification_outbox (condominium_id, kind, subject, recipient, outcome_group, phone,
                               resident_id, resident_name, charger_name, session_id, body, params, status, attempts,
                               next_attempt_at, last_error, created_at, updated_at)
                        values (:condo, :kind, :subject, :recipient, :outcome, :phone, :resident, :residentName,
                               :charger, :session, :body, :params, :status, 0, :now, :error, :now, :now)
                        on conflict do nothing
                        """)
                        .param("condo", condo.value())
                        .param("kind", m.kind().name())
                        .param("subject", m.subject())
                        .param("recipient", m.recipient())
                        .param("outcome", m.kind().outcomeGroup())
                        .param("phone", m.phone())
                        .param("resident", m.residentId())
                        .param("residentName", m.residentName())
                        .param("charger", m.chargerName())
                        .param("session", m.sessionId())
                        .param("body", m.body())
                        .param("params", m.params().toArray(String[]::new))
                        .param("status", m.status().name())
                        .param("error", m.error())
                        .param("now", Sql.ts(now))
                        .update()
                > 0;
    }

    /** A message the batch inserted (for the log). */
    public record Inserted(
            NotificationKind kind, String subject, String recipient, String phone, String status, String error) {}

    /**
     * Inserts many messages in one statement; each is skipped when its (subject, kind, recipient) or its session
     * outcome already exists. Returns those actually inserted.
     */
    public List<Inserted> insertAll(CondominiumId condo, List<NewMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        insert into notification_outbox (condominium_id, kind, subject, recipient, outcome_group, phone,
                               resident_id, resident_name, charger_name, session_id, body, params, status, attempts,
                               next_attempt_at, last_error, created_at, updated_at)
                        select :condo, v.kind, v.subject, v.recipient, v.outcome, v.phone, v.resident, v.resident_name,
                               v.charger, v.session, v.body, string_to_array(v.params, chr(31)), v.status, 0, :now,
                               v.error, :now, :now
                          from unnest(:kinds, :subjects, :recipients, :outcomes, :phones, :residents, :residentNames,
                                      :chargers, :sessions, :bodies, :params, :statuses, :errors)
                               as v(kind, subject, recipient, outcome, phone, resident, resident_name, charger, session,
                                    body, params, status, error)
                        on conflict do nothing
                        returning kind, subject, recipient, phone, status, last_error
                        """)
                .param("condo", condo.value())
                .param("now", Sql.ts(now))
                .param("kinds", messages.stream().map(m -> m.kind().name()).toArray(String[]::new))
                .param("subjects", messages.stream().map(NewMessage::subject).toArray(String[]::new))
                .param(
                        "recipients",
                        messages.stream().map(NewMessage::recipient).toArray(String[]::new))
                .param(
                        "outcomes",
                        messages.stream().map(m -> m.kind().outcomeGroup()).toArray(String[]::new))
                .param("phones", messages.stream().map(NewMessage::phone).toArray(String[]::new))
                .param(
                        "residents",
                        messages.stream().map(NewMessage::residentId).toArray(Long[]::new))
                .param(
                        "residentNames",
                        messages.stream().map(NewMessage::residentName).toArray(String[]::new))
                .param(
                        "chargers",
                        messages.stream().map(NewMessage::chargerName).toArray(String[]::new))
                .param("sessions", messages.stream().map(NewMessage::sessionId).toArray(Long[]::new))
                .param("bodies", messages.stream().map(NewMessage::body).toArray(String[]::new))
                // a text[] per message does not fit an unnest column: joined with a unit separator, split back in SQL
                .param(
                        "params",
                        messages.stream()
                                .map(m -> String.join("\u001f", m.params()))
                                .toArray(String[]::new))
                .param("statuses", messages.stream().map(m -> m.status().name()).toArray(String[]::new))
                .param("errors", messages.stream().map(NewMessage::error).toArray(String[]::new))
                .query((rs, i) -> new Inserted(
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("subject"),
                        rs.getString("recipient"),
                        rs.getString("phone"),
                        rs.getString("status"),
                        rs.getString("last_error")))
                .list();
    }

    /** Of these subjects, those with a message of this kind sent or on its way (not SKIPPED). */
    public java.util.Set<String> sentOrPendingAmong(
            CondominiumId condo, Collection<String> subjects, NotificationKind kind) {
        if (subjects.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select distinct subject from notification_outbox
                         where condominium_id = :condo and subject = any(:subjects) and kind = :kind and status <> 'SKIPPED'
                        """)
                .param("condo", condo.value())
                .param("subjects", subjects.toArray(String[]::new))
                .param("kind", kind.name())
                .query(String.class)
                .list());
    }

    /** Whether a message of this kind exists for the subject (any recipient, any status but SKIPPED). */
    public boolean sentOrPending(CondominiumId condo, String subject, NotificationKind kind) {
        return jdbc.sql("""
                        select exists (select 1 from notification_outbox where condominium_id = :condo
                               and subject = :subject and kind = :kind and status <> 'SKIPPED')
                        """)
                .param("condo", condo.value())
                .param("subject", subject)
                .param("kind", kind.name())
                .query(Boolean.class)
                .single();
    }

    /** Marks every message of the condominium still waiting to be sent SKIPPED with the reason; returns how many. */
    public int skipPending(CondominiumId condo, Instant now, String reason) {
        return jdbc.sql("""
                        update notification_outbox
                           set status = 'SKIPPED', last_error = :reason, updated_at = :now, lease_until = null,
                               body = case when kind = 'SIGN_IN_CODE' then :hiddenBody else body end,
                               params = case when kind = 'SIGN_IN_CODE' then '{}' else params end
                         where condominium_id = :condo and status = 'PENDING'
                        """)
                .param("condo", condo.value())
                .param("hiddenBody", HIDDEN_BODY)
                .param("now", Sql.ts(now))
                .param("reason", reason)
                .update();
    }

    /**
     * Claims up to {@code limit} messages due now: pending ones whose time came, and in-flight ones whose lease
     * ran out (their worker died). Each claim increments {@code attempts}, which identifies it.
     */
    public List<Claimed> claim(CondominiumId condo, Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update notification_outbox o
                           set status = 'IN_FLIGHT', attempts = o.attempts + 1, lease_until = :lease, updated_at = :now
                         where o.condominium_id = :condo and o.id in (
                               select id from notification_outbox
                                where condominium_id = :condo
                                  and ((status = 'PENDING' and next_attempt_at <= :now)
                                       or (status = 'IN_FLIGHT' and lease_until < :now))
                                order by next_attempt_at, id limit :limit
                                for update skip locked)
                        returning o.id, o.kind, o.phone, o.body, o.params, o.attempts
                        """)
                .param("condo", condo.value())
                .param("now", Sql.ts(now))
                .param("lease", Sql.ts(leaseUntil))
                .param("limit", limit)
                .query((rs, i) -> new Claimed(
                        rs.getLong("id"),
                        condo,
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("phone"),
                        rs.getString("body"),
                        List.of((String[]) rs.getArray("params").getArray()),
                        rs.getInt("attempts")))
                .list();
    }

    public boolean markSent(CondominiumId condo, long id, int attempt, String provider, String messageId, Instant now) {
        return jdbc.sql("""
                        update notification_outbox set status = 'SENT', sent_at = :now, updated_at = :now, lease_until = null,
                               body = case when kind = 'SIGN_IN_CODE' then :hiddenBody else body end,
                               params = case when kind = 'SIGN_IN_CODE' then '{}' else params end,
                               provider = :provider, provider_message_id = :mid, last_error = null,
                               last_reason = null, last_status_code = null
                         where condominium_id = :condo and id = :id and status = 'IN_FLIGHT' and attempts = :attempt
                        """)
                        .param("condo", condo.value())
                        .param("id", id)
                        .param("attempt", attempt)
                        .param("provider", provider)
                        .param("mid", messageId)
                        .param("hiddenBody", HIDDEN_BODY)
                        .param("now", Sql.ts(now))
                        .update()
                > 0;
    }

    /** Back to PENDING until {@code next}; the gateway's status code and classified reason, never its body. */
    public boolean markRetry(
            CondominiumId condo,
            long id,
            int attempt,
            String provider,
            DeliveryFailure reason,
            Integer statusCode,
            Instant next,
            Instant now) {
        return jdbc.sql("""
                        update notification_outbox set status = 'PENDING', next_attempt_at = :next, updated_at = :now,
                               lease_until = null, provider = :provider, last_reason = :reason,
                               last_status_code = :code, last_error = null
                         where condominium_id = :condo and id = :id and status = 'IN_FLIGHT' and attempts = :attempt
                        """)
                        .param("condo", condo.value())
                        .param("id", id)
                        .param("attempt", attempt)
                        .param("provider", provider)
                        .param("reason", reason.name())
                        .param("code", statusCode)
                        .param("next", Sql.ts(next))
                        .param("now", Sql.ts(now))
                        .update()
                > 0;
    }

    public boolean markFailed(
            CondominiumId condo,
            long id,
            int attempt,
            String provider,
            DeliveryFailure reason,
            Integer statusCode,
            Instant now) {
        return jdbc.sql("""
                        update notification_outbox set status = 'FAILED', updated_at = :now, lease_until = null,
                               body = case when kind = 'SIGN_IN_CODE' then :hiddenBody else body end,
                               params = case when kind = 'SIGN_IN_CODE' then '{}' else params end,
                               provider = :provider, last_reason = :reason, last_status_code = :code, last_error = null
                         where condominium_id = :condo and id = :id and status = 'IN_FLIGHT' and attempts = :attempt
                        """)
                        .param("condo", condo.value())
                        .param("id", id)
                        .param("attempt", attempt)
                        .param("provider", provider)
                        .param("reason", reason.name())
                        .param("code", statusCode)
                        .param("hiddenBody", HIDDEN_BODY)
                        .param("now", Sql.ts(now))
                        .update()
                > 0;
    }

    public List<DeliveredNotification> search(CondominiumId condo, NotificationFilter f, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(condo, f, params);
        params.put("size", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("select * from notification_outbox " + where
                        + " order by created_at desc, id desc limit :size offset :offset")
                .params(params)
                .query(OutboxRepository::map)
                .list();
    }

    public long count(CondominiumId condo, NotificationFilter f) {
        Map<String, Object> params = new HashMap<>();
        String where = where(condo, f, params);
        return jdbc.sql("select count(*) from notification_outbox " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(CondominiumId condo, NotificationFilter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where condominium_id = :condo");
        params.put("condo", condo.value());
        if (f.kind() != null) {
            sql.append(" and kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            sql.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.from() != null) {
            sql.append(" and created_at >= :from");
            params.put("from", Sql.ts(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and created_at < :to");
            params.put("to", Sql.ts(f.to()));
        }
        return sql.toString();
    }

    private static DeliveredNotification map(ResultSet rs, int i) throws SQLException {
        String phone = rs.getString("phone");
        return new DeliveredNotification(
                rs.getLong("id"),
                NotificationKind.valueOf(rs.getString("kind")),
                NotificationStatus.valueOf(rs.getString("status")),
                rs.getString("recipient").startsWith("manager:") ? "manager" : "resident",
                phone == null ? null : Phones.mask(phone),
                Sql.longOrNull(rs, "resident_id"),
                rs.getString("resident_name"),
                rs.getString("charger_name"),
                Sql.longOrNull(rs, "session_id"),
                rs.getString("body"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getObject("last_status_code", Integer.class),
                rs.getString("last_reason") == null ? null : DeliveryFailure.valueOf(rs.getString("last_reason")),
                rs.getString("provider"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "sent_at"),
                Sql.instant(rs, "next_attempt_at"));
    }
}
