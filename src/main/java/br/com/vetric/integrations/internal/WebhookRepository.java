package br.com.vetric.integrations.internal;

import br.com.vetric.integrations.WebhookDelivery;
import br.com.vetric.integrations.WebhookEndpoint;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    /** An endpoint with its (encrypted) secrets, for signing. */
    record Secrets(long id, String url, String secret, String previousSecret, Instant previousSecretUntil) {
        @Override
        public String toString() {
            return "Secrets[id=" + id + ", url=" + url + "]";
        }
    }

    /** An event to deliver to every active endpoint of the condominium that subscribes to its type. */
    record Message(String id, String type, String body) {}

    /** A claimed delivery, with the attempt number that identifies this claim. */
    record Claimed(
            long id,
            CondominiumId condo,
            long endpointId,
            String messageId,
            String body,
            int attempt,
            Instant createdAt) {}

    private static final String ENDPOINT = """
            id, condominium_id, url, description, events, active, previous_secret_until, failing_since,
            disabled_reason, created_at""";

    private static final String DELIVERY = """
            id, endpoint_id, message_id, event_type, status, attempts, response_code, duration_ms, next_attempt_at,
            last_error, created_at, delivered_at, body""";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextEndpointId() {
        return jdbc.sql("select nextval('webhook_endpoint_id_seq')")
                .query(Long.class)
                .single();
    }

    WebhookEndpoint insert(
            long id,
            CondominiumId condo,
            String url,
            String description,
            List<String> events,
            String secret,
            Instant now) {
        return jdbc.sql("insert into webhook_endpoint (id, condominium_id, url, description, events, active, secret,"
                        + " created_at, updated_at) values (:id, :c, :url, :d, :events, true, :secret, :now, :now)"
                        + " returning " + ENDPOINT)
                .param("id", id)
                .param("c", condo.value())
                .param("url", url)
                .param("d", description)
                .param("events", events.toArray(String[]::new))
                .param("secret", secret)
                .param("now", Sql.ts(now))
                .query((rs, i) -> endpoint(rs))
                .single();
    }

    List<WebhookEndpoint> list(CondominiumId condo) {
        return jdbc.sql("select " + ENDPOINT + " from webhook_endpoint where condominium_id = :c order by id")
                .param("c", condo.value())
                .query((rs, i) -> endpoint(rs))
                .list();
    }

    Optional<WebhookEndpoint> find(CondominiumId condo, long id) {
        return jdbc.sql("select " + ENDPOINT + " from webhook_endpoint where condominium_id = :c and id = :id")
                .param("c", condo.value())
                .param("id", id)
                .query((rs, i) -> endpoint(rs))
                .optional();
    }

    void update(CondominiumId condo, long id, String url, List<String> events, boolean active, Instant now) {
        jdbc.sql("""
                        update webhook_endpoint
                           set url = :url, events = :events, active = :active, updated_at = :now,
                               disabled_reason = case when :active then null else disabled_reason end,
                               failing_since = case when :active and not active then null else failing_since end
                         where condominium_id = :c and id = :id""")
                .param("c", condo.value())
                .param("id", id)
                .param("url", url)
                .param("events", events.toArray(String[]::new))
                .param("active", active)
                .param("now", Sql.ts(now))
                .update();
    }

    boolean delete(CondominiumId condo, long id) {
        return jdbc.sql("delete from webhook_endpoint where condominium_id = :c and id = :id")
                        .param("c", condo.value())
                        .param("id", id)
                        .update()
                > 0;
    }

    void rotate(CondominiumId condo, long id, String secret, String previous, Instant previousUntil, Instant now) {
        jdbc.sql("""
                        update webhook_endpoint
                           set secret = :secret, previous_secret = :previous, previous_secret_until = :until,
                               updated_at = :now
                         where condominium_id = :c and id = :id""")
                .param("c", condo.value())
                .param("id", id)
                .param("secret", secret)
                .param("previous", previous)
                .param("until", Sql.ts(previousUntil))
                .param("now", Sql.ts(now))
                .update();
    }

    Secrets secrets(long id) {
        return jdbc.sql("select id, url, secret, previous_secret, previous_secret_until from webhook_endpoint"
                        + " where id = :id")
                .param("id", id)
                .query((rs, i) -> new Secrets(
                        rs.getLong("id"),
                        rs.getString("url"),
                        rs.getString("secret"),
                        rs.getString("previous_secret"),
                        Sql.instant(rs, "previous_secret_until")))
                .single();
    }

    /**
     * The outbox's one insert per batch of changes: every message to every active endpoint of the condominium that
     * subscribes to its type, in the batch's order. Runs in the transaction of the change.
     */
    int enqueue(CondominiumId condo, List<Message> messages, Instant now) {
        if (messages.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        insert into webhook_delivery (condominium_id, endpoint_id, message_id, event_type, body, status,
                               attempts, next_attempt_at, created_at, updated_at)
                        select e.condominium_id, e.id, m.id, m.type, m.body, 'PENDING', 0, :now, :now, :now
                          from unnest(cast(:ids as text[]), cast(:types as text[]), cast(:bodies as text[]))
                               with ordinality as m(id, type, body, n)
                          join webhook_endpoint e on e.condominium_id = :c and e.active and m.type = any (e.events)
                         order by m.n, e.id""")
                .param("c", condo.value())
                .param("ids", messages.stream().map(Message::id).toArray(String[]::new))
                .param("types", messages.stream().map(Message::type).toArray(String[]::new))
                .param("bodies", messages.stream().map(Message::body).toArray(String[]::new))
                .param("now", Sql.ts(now))
                .update();
    }

    long enqueueTo(CondominiumId condo, long endpointId, Message m, Instant now) {
        return jdbc.sql("""
                        insert into webhook_delivery (condominium_id, endpoint_id, message_id, event_type, body, status,
                               attempts, next_attempt_at, created_at, updated_at)
                        values (:c, :e, :id, :type, :body, 'PENDING', 0, :now, :now, :now) returning id""")
                .param("c", condo.value())
                .param("e", endpointId)
                .param("id", m.id())
                .param("type", m.type())
                .param("body", m.body())
                .param("now", Sql.ts(now))
                .query(Long.class)
                .single();
    }

    /** Copies one delivery (same message id and body) as a new pending one; returns how many (0 or 1). */
    int replayOne(CondominiumId condo, long endpointId, long deliveryId, Instant now) {
        return jdbc.sql(REPLAY + " and id = :id")
                .param("c", condo.value())
                .param("e", endpointId)
                .param("id", deliveryId)
                .param("now", Sql.ts(now))
                .update();
    }

    /** Copies every FAILED delivery created since {@code since} as new pending ones; returns how many. */
    int replayFailedSince(CondominiumId condo, long endpointId, Instant since, Instant now) {
        return jdbc.sql(REPLAY + " and status = 'FAILED' and created_at >= :since order by id")
                .param("c", condo.value())
                .param("e", endpointId)
                .param("since", Sql.ts(since))
                .param("now", Sql.ts(now))
                .update();
    }

    private static final String REPLAY = """
            insert into webhook_delivery (condominium_id, endpoint_id, message_id, event_type, body, status,
                   attempts, next_attempt_at, created_at, updated_at)
            select condominium_id, endpoint_id, message_id, event_type, body, 'PENDING', 0, :now, :now, :now
              from webhook_delivery
             where condominium_id = :c and endpoint_id = :e and body is not null""";

    Optional<WebhookDelivery> delivery(CondominiumId condo, long endpointId, long id) {
        return jdbc.sql("select " + DELIVERY + " from webhook_delivery"
                        + " where condominium_id = :c and endpoint_id = :e and id = :id")
                .param("c", condo.value())
                .param("e", endpointId)
                .param("id", id)
                .query((rs, i) -> delivery(rs))
                .optional();
    }

    List<WebhookDelivery> deliveries(CondominiumId condo, long endpointId, int limit) {
        return jdbc.sql("select " + DELIVERY + " from webhook_delivery"
                        + " where condominium_id = :c and endpoint_id = :e order by id desc limit :limit")
                .param("c", condo.value())
                .param("e", endpointId)
                .param("limit", limit)
                .query((rs, i) -> delivery(rs))
                .list();
    }

    /** Claims due deliveries of active endpoints (and ones whose claim ran out), skipping rows others hold. */
    List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update webhook_delivery d
                           set status = 'IN_FLIGHT', attempts = d.attempts + 1, lease_until = :lease, updated_at = :now
                         where d.id in (
                               select w.id from webhook_delivery w
                                 join webhook_endpoint e on e.id = w.endpoint_id and e.active
                                where (w.status = 'PENDING' and w.next_attempt_at <= :now)
                                   or (w.status = 'IN_FLIGHT' and w.lease_until < :now)
                                order by w.next_attempt_at, w.id limit :limit
                                for update of w skip locked)
                        returning d.id, d.condominium_id, d.endpoint_id, d.message_id, d.body, d.attempts, d.created_at
                        """)
                .param("now", Sql.ts(now))
                .param("lease", Sql.ts(leaseUntil))
                .param("limit", limit)
                .query((rs, i) -> new Claimed(
                        rs.getLong("id"),
                        new CondominiumId(rs.getLong("condominium_id")),
                        rs.getLong("endpoint_id"),
                        rs.getString("message_id"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        Sql.instant(rs, "created_at")))
                .list();
    }

    /** Records an attempt's outcome, if this claim still holds the row. */
    boolean record(
            long id,
            int attempt,
            String status,
            Integer code,
            String error,
            int durationMs,
            Instant nextAttempt,
            Instant now) {
        return jdbc.sql("""
                        update webhook_delivery
                           set status = :status, response_code = :code, last_error = :error, duration_ms = :ms,
                               next_attempt_at = :next, lease_until = null, updated_at = :now,
                               delivered_at = case when :status = 'DELIVERED' then :now else delivered_at end
                         where id = :id and attempts = :attempt and status = 'IN_FLIGHT'""")
                        .param("id", id)
                        .param("attempt", attempt)
                        .param("status", status)
                        .param("code", code)
                        .param("error", error)
                        .param("ms", durationMs)
                        .param("next", Sql.ts(nextAttempt))
                        .param("now", Sql.ts(now))
                        .update()
                > 0;
    }

    void succeeded(long endpointId) {
        jdbc.sql("update webhook_endpoint set failing_since = null where id = :id and failing_since is not null")
                .param("id", endpointId)
                .update();
    }

    /** Notes a failure; returns since when the endpoint has been failing. */
    Instant failed(long endpointId, Instant now) {
        return jdbc.sql("update webhook_endpoint set failing_since = coalesce(failing_since, :now) where id = :id"
                        + " returning failing_since")
                .param("id", endpointId)
                .param("now", Sql.ts(now))
                .query((rs, i) -> Sql.instant(rs, "failing_since"))
                .single();
    }

    /** An endpoint this call disabled: its condominium and URL. */
    record Disabled(CondominiumId condominiumId, String url) {}

    /** Disables the endpoint and fails its waiting deliveries; returns the endpoint if it was active. */
    Optional<Disabled> disable(long endpointId, String reason, Instant now) {
        Optional<Disabled> disabled = jdbc.sql("""
                        update webhook_endpoint set active = false, disabled_reason = :reason, updated_at = :now
                         where id = :id and active returning condominium_id, url""")
                .param("id", endpointId)
                .param("reason", reason)
                .param("now", Sql.ts(now))
                .query((rs, i) -> new Disabled(new CondominiumId(rs.getLong(1)), rs.getString(2)))
                .optional();
        jdbc.sql("""
                        update webhook_delivery set status = 'FAILED', last_error = :reason, next_attempt_at = null,
                               updated_at = :now
                         where endpoint_id = :id and status = 'PENDING'""")
                .param("id", endpointId)
                .param("reason", reason)
                .param("now", Sql.ts(now))
                .update();
        return disabled;
    }

    /** Forgets the bodies of finished deliveries older than {@code before}; returns how many. */
    int forgetBodies(Instant before) {
        return jdbc.sql("""
                        update webhook_delivery set body = null
                         where created_at < :before and body is not null and status in ('DELIVERED', 'FAILED')""").param("before", Sql.ts(before)).update();
    }

    long backlog() {
        return jdbc.sql("select count(*) from webhook_delivery where status in ('PENDING', 'IN_FLIGHT')")
                .query(Long.class)
                .single();
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        return new WebhookEndpoint(
                rs.getLong("id"),
                new CondominiumId(rs.getLong("condominium_id")),
                rs.getString("url"),
                rs.getString("description"),
                List.of((String[]) rs.getArray("events").getArray()),
                rs.getBoolean("active"),
                Sql.instant(rs, "previous_secret_until"),
                Sql.instant(rs, "failing_since"),
                rs.getString("disabled_reason"),
                Sql.instant(rs, "created_at"));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        long code = rs.getLong("response_code");
        Integer responseCode = rs.wasNull() ? null : (int) code;
        long ms = rs.getLong("duration_ms");
        Integer duration = rs.wasNull() ? null : (int) ms;
        return new WebhookDelivery(
                rs.getLong("id"),
                rs.getLong("endpoint_id"),
                rs.getString("message_id"),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                responseCode,
                duration,
                Sql.instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "delivered_at"),
                rs.getString("body"));
    }
}
