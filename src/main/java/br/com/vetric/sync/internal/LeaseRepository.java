package br.com.vetric.sync.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The poll leases and instance heartbeats (V150). Every expiry is the database's clock ({@code clock_timestamp()}),
 * so instances whose clocks disagree still agree on who holds what.
 */
@Repository
public class LeaseRepository {

    /** The advisory lock space of a condominium's poll writes (its second key is the condominium's id). */
    private static final int CONDOMINIUM_WRITES = 0x56_45_54_31; // "VET1"

    /** A lease taken: the connection, its new token and who held it before (null: nobody ever did). */
    public record Taken(long connectionId, long token, String previous) {}

    private final JdbcClient jdbc;

    LeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Within the current transaction: if this instance stops between two statements (a long GC pause, SIGSTOP) the
     * server ends its session after {@code ttl}, so the locks it holds never keep another instance from taking over.
     */
    public void boundIdleInTransaction(Duration ttl) {
        jdbc.sql("select set_config('idle_in_transaction_session_timeout', :ms, true)")
                .param("ms", Long.toString(ttl.toMillis()))
                .query(String.class)
                .single();
    }

    /** Says this instance is alive for {@code ttl}; returns how many instances are alive (this one included). */
    public int heartbeat(String me, Duration ttl) {
        jdbc.sql("""
                        insert into poll_instance (holder, expires_at)
                        values (:me, clock_timestamp() + :ms * interval '1 millisecond')
                        on conflict (holder) do update set expires_at = excluded.expires_at
                        """).param("me", me).param("ms", ttl.toMillis()).update();
        return jdbc.sql("select count(*) from poll_instance where expires_at > clock_timestamp()")
                .query(Integer.class)
                .single();
    }

    /** Forgets instances gone for a day (they are not counted as alive long before). */
    public void forgetGoneInstances() {
        jdbc.sql("delete from poll_instance where expires_at < clock_timestamp() - interval '1 day'")
                .update();
    }

    /** Renews every unexpired lease this instance holds and returns them (connection → token). */
    public Map<Long, Long> renew(String me, Duration ttl) {
        Map<Long, Long> held = new LinkedHashMap<>();
        jdbc.sql("""
                        update poll_lease set expires_at = clock_timestamp() + :ms * interval '1 millisecond'
                         where holder = :me and expires_at > clock_timestamp()
                        returning connection_id, token
                        """)
                .param("me", me)
                .param("ms", ttl.toMillis())
                .query((rs, i) -> held.put(rs.getLong("connection_id"), rs.getLong("token")))
                .list();
        return held;
    }

    /**
     * Takes at most {@code n} connections nobody holds: first those never leased, then expired leases (a dead or
     * paused holder's, or released at a clean stop), whose token goes up by one. Rows another instance is taking at
     * the same moment are skipped.
     */
    public List<Taken> take(String me, Duration ttl, int n) {
        List<Taken> taken = new ArrayList<>(jdbc.sql("""
                        insert into poll_lease (connection_id, holder, token, expires_at)
                        select c.id, :me, 1, clock_timestamp() + :ms * interval '1 millisecond'
                          from cpms_connection c
                         where not exists (select 1 from poll_lease l where l.connection_id = c.id)
                         order by c.id
                         limit :n
                        on conflict (connection_id) do nothing
                        returning connection_id, token
                        """)
                .param("me", me)
                .param("ms", ttl.toMillis())
                .param("n", n)
                .query((rs, i) -> new Taken(rs.getLong("connection_id"), rs.getLong("token"), null))
                .list());
        if (taken.size() < n) {
            taken.addAll(jdbc.sql("""
                            with expired as (
                                select connection_id, holder from poll_lease
                                 where expires_at <= clock_timestamp()
                                 order by connection_id
                                 limit :n
                                   for update skip locked)
                            update poll_lease l
                               set holder = :me, token = l.token + 1,
                                   expires_at = clock_timestamp() + :ms * interval '1 millisecond'
                              from expired
                             where l.connection_id = expired.connection_id
                            returning l.connection_id, l.token, expired.holder as previous
                            """)
                    .param("me", me)
                    .param("ms", ttl.toMillis())
                    .param("n", n - taken.size())
                    .query((rs, i) ->
                            new Taken(rs.getLong("connection_id"), rs.getLong("token"), rs.getString("previous")))
                    .list());
        }
        return taken;
    }

    /**
     * Takes or renews one connection's lease unless another instance holds it unexpired (a poll asked for by hand);
     * returns the token, empty when another instance holds it.
     */
    public Optional<Long> takeOne(String me, Duration ttl, long connectionId) {
        return jdbc.sql("""
                        insert into poll_lease (connection_id, holder, token, expires_at)
                        values (:id, :me, 1, clock_timestamp() + :ms * interval '1 millisecond')
                        on conflict (connection_id) do update
                           set holder = :me,
                               token = case when poll_lease.holder = :me and poll_lease.expires_at > clock_timestamp()
                                            then poll_lease.token else poll_lease.token + 1 end,
                               expires_at = excluded.expires_at
                         where poll_lease.holder = :me or poll_lease.expires_at <= clock_timestamp()
                        returning token
                        """)
                .param("id", connectionId)
                .param("me", me)
                .param("ms", ttl.toMillis())
                .query(Long.class)
                .optional();
    }

    /**
     * The fence, at the start of a write transaction: whether this instance still holds the lease with this token,
     * locking the row until the transaction ends (for share), so no takeover can happen before it commits. With a
     * condominium, first waits for the transaction-scoped advisory lock of that condominium's poll writes, held by
     * whichever instance is applying another connection's poll to it.
     */
    public boolean stillHeld(String me, long connectionId, long token, @Nullable Long condominium) {
        if (condominium == null) {
            return stillHeld(me, connectionId, token);
        }
        return jdbc.sql("""
                        with writes as (select pg_advisory_xact_lock(:space, cast(:condo as integer)))
                        select 1 from writes, poll_lease
                         where connection_id = :id and holder = :me and token = :token
                           for share of poll_lease
                        """)
                .param("space", CONDOMINIUM_WRITES)
                .param("condo", condominium)
                .param("id", connectionId)
                .param("me", me)
                .param("token", token)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    public boolean stillHeld(String me, long connectionId, long token) {
        return jdbc.sql("""
                        select 1 from poll_lease where connection_id = :id and holder = :me and token = :token
                           for share
                        """)
                .param("id", connectionId)
                .param("me", me)
                .param("token", token)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Lets these leases expire now: another instance takes them over at once. */
    public void release(String me, Collection<Long> connectionIds) {
        if (connectionIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update poll_lease set expires_at = clock_timestamp()
                         where holder = :me and connection_id = any(:ids) and expires_at > clock_timestamp()
                        """)
                .param("me", me)
                .param("ids", connectionIds.toArray(Long[]::new))
                .update();
    }

    /** A clean stop: every lease of this instance expires now and the instance is no longer counted. */
    public void releaseAll(String me) {
        jdbc.sql(
                        "update poll_lease set expires_at = clock_timestamp() where holder = :me and expires_at > clock_timestamp()")
                .param("me", me)
                .update();
        jdbc.sql("delete from poll_instance where holder = :me").param("me", me).update();
    }
}
