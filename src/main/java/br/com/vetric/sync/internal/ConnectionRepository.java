package br.com.vetric.sync.internal;

import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.AccountCharger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for CVE-PRO connections and the chargers their accounts report. Secrets go in and out encrypted only. */
@Repository
public class ConnectionRepository {

    /** A connection row; {@code apiKey} and {@code password} are SecretBox ciphertexts. */
    public record Stored(
            long id,
            String url,
            String apiKey,
            String email,
            String password,
            @Nullable CondominiumId defaultCondominiumId,
            boolean fromEnvironment,
            int version,
            Instant createdAt,
            Instant updatedAt) {

        @Override
        public String toString() {
            return "Connection[id=" + id + ", url=" + url + ", email=" + email + ", version=" + version + "]";
        }
    }

    private static final String COLUMNS = "id, url, api_key, email, password, default_condominium_id,"
            + " from_environment, version, created_at, updated_at";
    private static final String CHARGER_COLUMNS =
            "uuid, connection_id, reported_name, condominium_id, display_name, first_seen_at, assigned_at, backfill_from";

    private final JdbcClient jdbc;

    ConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stored> all() {
        return jdbc.sql("select " + COLUMNS + " from cpms_connection order by id")
                .query(ConnectionRepository::stored)
                .list();
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from cpms_connection where id = :id")
                .param("id", id)
                .query(ConnectionRepository::stored)
                .optional();
    }

    /** Locks the row until the transaction ends (a delete or an assignment decides on what it read). */
    public Optional<Stored> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from cpms_connection where id = :id for update")
                .param("id", id)
                .query(ConnectionRepository::stored)
                .optional();
    }

    public Optional<Stored> fromEnvironment() {
        return jdbc.sql("select " + COLUMNS + " from cpms_connection where from_environment")
                .query(ConnectionRepository::stored)
                .optional();
    }

    /** Whether another connection logs in to the same account (same URL and e-mail). */
    public boolean accountTaken(String url, String email, long exceptId) {
        return jdbc.sql("select exists (select 1 from cpms_connection where url = :url and lower(email) = lower(:email)"
                        + " and id <> :id)")
                .param("url", url)
                .param("email", email)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    public long insert(
            String url,
            String apiKey,
            String email,
            String password,
            @Nullable CondominiumId defaultCondominium,
            boolean fromEnvironment,
            Instant now) {
        return jdbc.sql("""
                        insert into cpms_connection (url, api_key, email, password, default_condominium_id,
                               from_environment, created_at, updated_at)
                        values (:url, :key, :email, :password, :condo, :env, :now, :now) returning id
                        """)
                .param("url", url)
                .param("key", apiKey)
                .param("email", email)
                .param("password", password)
                .param("condo", defaultCondominium == null ? null : defaultCondominium.value())
                .param("env", fromEnvironment)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Writes the connection's settings; {@code version} goes up so its poller builds a new client. */
    public void update(Stored c, Instant now) {
        jdbc.sql("""
                        update cpms_connection set url = :url, api_key = :key, email = :email, password = :password,
                               default_condominium_id = :condo, version = version + 1, updated_at = :now
                         where id = :id
                        """)
                .param("url", c.url())
                .param("key", c.apiKey())
                .param("email", c.email())
                .param("password", c.password())
                .param(
                        "condo",
                        c.defaultCondominiumId() == null
                                ? null
                                : c.defaultCondominiumId().value())
                .param("now", Timestamp.from(now))
                .param("id", c.id())
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from cpms_connection where id = :id").param("id", id).update();
    }

    /** The connections that serve the condominium: by default, or through a charger assigned to it. */
    public List<Long> serving(CondominiumId condo) {
        return jdbc.sql("""
                        select id from cpms_connection where default_condominium_id = :condo
                        union select connection_id from cpms_charger where condominium_id = :condo order by 1
                        """).param("condo", condo.value()).query(Long.class).list();
    }

    public long assignedChargers(long connectionId) {
        return jdbc.sql("select count(*) from cpms_charger where connection_id = :id and condominium_id is not null")
                .param("id", connectionId)
                .query(Long.class)
                .single();
    }

    // ------------------------------------------------------------------ the chargers the accounts report

    public List<AccountCharger> chargers(long connectionId) {
        return jdbc.sql("select " + CHARGER_COLUMNS + " from cpms_charger where connection_id = :id order by uuid")
                .param("id", connectionId)
                .query(ConnectionRepository::charger)
                .list();
    }

    public List<AccountCharger> unassigned() {
        return jdbc.sql("select " + CHARGER_COLUMNS
                        + " from cpms_charger where condominium_id is null order by first_seen_at, uuid")
                .query(ConnectionRepository::charger)
                .list();
    }

    public Optional<AccountCharger> lockCharger(String uuid) {
        return jdbc.sql("select " + CHARGER_COLUMNS + " from cpms_charger where uuid = :uuid for update")
                .param("uuid", uuid)
                .query(ConnectionRepository::charger)
                .optional();
    }

    /** How many chargers are assigned to the condominium. */
    public long assignedTo(CondominiumId condo) {
        return jdbc.sql("select count(*) from cpms_charger where condominium_id = :c")
                .param("c", condo.value())
                .query(Long.class)
                .single();
    }

    /** The uuids among {@code uuids} another connection reported first (they stay with it). */
    public List<String> reportedElsewhere(long connectionId, Collection<String> uuids) {
        return jdbc.sql("select uuid from cpms_charger where uuid = any(:uuids) and connection_id <> :id")
                .param("uuids", uuids.toArray(String[]::new))
                .param("id", connectionId)
                .query(String.class)
                .list();
    }

    /** Records chargers an account reports for the first time (one statement); known uuids are left alone. */
    public void discovered(
            long connectionId,
            List<String> uuids,
            List<String> names,
            @Nullable CondominiumId condo,
            Instant now,
            @Nullable Instant backfillFrom) {
        if (uuids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into cpms_charger (uuid, connection_id, reported_name, condominium_id, first_seen_at,
                               assigned_at, backfill_from)
                        select u, :conn, n, cast(:condo as bigint), cast(:now as timestamptz),
                               case when cast(:condo as bigint) is null then null else cast(:now as timestamptz) end,
                               cast(:backfill as timestamptz)
                          from unnest(cast(:uuids as text[]), cast(:names as text[])) as t(u, n)
                        on conflict (uuid) do nothing
                        """)
                .param("conn", connectionId)
                .param("uuids", uuids.toArray(String[]::new))
                .param("names", names.toArray(String[]::new))
                .param("condo", condo == null ? null : condo.value())
                .param("now", Timestamp.from(now))
                .param("backfill", Sql.ts(backfillFrom))
                .update();
    }

    /** Keeps the reported names current (one statement, only for names that changed). */
    public void renamed(List<String> uuids, List<String> names) {
        if (uuids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update cpms_charger c set reported_name = t.n
                          from unnest(cast(:uuids as text[]), cast(:names as text[])) as t(u, n) where c.uuid = t.u
                        """)
                .param("uuids", uuids.toArray(String[]::new))
                .param("names", names.toArray(String[]::new))
                .update();
    }

    public void assign(String uuid, CondominiumId condo, @Nullable String displayName, Instant now, Instant backfill) {
        jdbc.sql("""
                        update cpms_charger set condominium_id = :condo, display_name = :name, assigned_at = :now,
                               backfill_from = :backfill
                         where uuid = :uuid
                        """)
                .param("condo", condo.value())
                .param("name", displayName)
                .param("now", Timestamp.from(now))
                .param("backfill", Timestamp.from(backfill))
                .param("uuid", uuid)
                .update();
    }

    public void rename(String uuid, @Nullable String displayName) {
        jdbc.sql("update cpms_charger set display_name = :name where uuid = :uuid")
                .param("name", displayName)
                .param("uuid", uuid)
                .update();
    }

    /** The waiting sessions of these chargers have been imported. */
    public void backfilled(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return;
        }
        jdbc.sql("update cpms_charger set backfill_from = null where uuid = any(:uuids)")
                .param("uuids", uuids.toArray(String[]::new))
                .update();
    }

    /**
     * An existing install's chargers become its first connection's, assigned where they already are (idempotent: a
     * charger already recorded is left alone). Returns how many were added.
     */
    public int adoptKnownChargers(long connectionId, Instant now) {
        return jdbc.sql("""
                        insert into cpms_charger (uuid, connection_id, reported_name, condominium_id, first_seen_at,
                               assigned_at)
                        select distinct on (uuid) uuid, :conn, name, condominium_id, first_seen_at,
                               cast(:now as timestamptz)
                          from charger order by uuid, first_seen_at
                        on conflict (uuid) do nothing
                        """)
                .param("conn", connectionId)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Stored stored(ResultSet rs, int i) throws SQLException {
        Long condo = Sql.longOrNull(rs, "default_condominium_id");
        return new Stored(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("api_key"),
                rs.getString("email"),
                rs.getString("password"),
                condo == null ? null : CondominiumId.of(condo),
                rs.getBoolean("from_environment"),
                rs.getInt("version"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static AccountCharger charger(ResultSet rs, int i) throws SQLException {
        Long condo = Sql.longOrNull(rs, "condominium_id");
        return new AccountCharger(
                rs.getString("uuid"),
                rs.getLong("connection_id"),
                rs.getString("reported_name"),
                condo == null ? null : CondominiumId.of(condo),
                rs.getString("display_name"),
                Sql.instant(rs, "first_seen_at"),
                Sql.instant(rs, "assigned_at"),
                Sql.instant(rs, "backfill_from"));
    }
}
