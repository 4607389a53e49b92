package br.com.vetric.residentapp.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.ResidentPrincipals;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The residents' app's tables, and the app columns of {@code resident}. */
@Repository
class AppRepository {

    private final JdbcClient jdbc;

    AppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A resident who may sign in with a phone: active, with app access, in an active condominium. */
    record Candidate(long residentId, CondominiumId condo, String condominiumName, String name, int version) {}

    /** The residents who may sign in with this phone (E.164), oldest condominium first. */
    List<Candidate> candidates(String phone) {
        return jdbc.sql("""
                        select r.id, r.condominium_id, c.name as condo_name, r.name, r.app_version
                          from resident r join condominium c on c.id = r.condominium_id
                         where r.phone = :phone and r.active and r.app_access and c.active
                         order by c.id, r.id
                        """)
                .param("phone", phone)
                .query((rs, i) -> new Candidate(
                        rs.getLong("id"),
                        new CondominiumId(rs.getLong("condominium_id")),
                        rs.getString("condo_name"),
                        rs.getString("name"),
                        rs.getInt("app_version")))
                .list();
    }

    /** The resident's principal while still active, with app access, in an active condominium, at this version. */
    Optional<AuthenticatedUser> principal(long residentId, int version) {
        return jdbc.sql("""
                        select r.id, r.name, r.condominium_id, r.app_version
                          from resident r join condominium c on c.id = r.condominium_id
                         where r.id = :id and r.app_version = :version and r.active and r.app_access and c.active
                        """)
                .param("id", residentId)
                .param("version", version)
                .query((rs, i) -> ResidentPrincipals.principal(
                        rs.getLong("id"), rs.getString("name"), rs.getLong("condominium_id"), rs.getInt("app_version")))
                .optional();
    }

    void markActivated(long residentId, Instant now) {
        jdbc.sql("update resident set app_activated_at = :now where id = :id and app_activated_at is null")
                .param("id", residentId)
                .param("now", Sql.ts(now))
                .update();
    }

    /** Turns a resident's app access on or off; false when the resident is not in the condominium. */
    boolean setAppAccess(CondominiumId condo, long residentId, boolean on, Instant now) {
        return jdbc.sql("""
                        update resident set app_access = :on, updated_at = :now
                         where condominium_id = :condo and id = :id
                        """)
                        .param("condo", condo.value())
                        .param("id", residentId)
                        .param("on", on)
                        .param("now", Sql.ts(now))
                        .update()
                > 0;
    }

    List<MyData.AppStatus> appStatus(CondominiumId condo) {
        return jdbc.sql("select id, app_access, app_activated_at from resident where condominium_id = :condo")
                .param("condo", condo.value())
                .query((rs, i) -> new MyData.AppStatus(
                        rs.getLong("id"), rs.getBoolean("app_access"), Sql.instant(rs, "app_activated_at")))
                .list();
    }

    // --- codes

    int codesSince(String phone, Instant since) {
        return jdbc.sql("select count(*) from resident_sign_in_code where phone = :phone and created_at > :since")
                .param("phone", phone)
                .param("since", Sql.ts(since))
                .query(Integer.class)
                .single();
    }

    /** Voids the phone's earlier live codes (only the newest one works) and stores a new one. */
    long insertCode(CondominiumId condo, String phone, String hash, Instant expires, Instant now) {
        jdbc.sql("""
                        update resident_sign_in_code set voided_at = :now
                         where phone = :phone and used_at is null and voided_at is null
                        """).param("phone", phone).param("now", Sql.ts(now)).update();
        return jdbc.sql("""
                        insert into resident_sign_in_code (condominium_id, phone, code_hash, expires_at, created_at)
                        values (:condo, :phone, :hash, :expires, :now) returning id
                        """)
                .param("condo", condo.value())
                .param("phone", phone)
                .param("hash", hash)
                .param("expires", Sql.ts(expires))
                .param("now", Sql.ts(now))
                .query(Long.class)
                .single();
    }

    record LiveCode(long id, String hash, int failedAttempts) {}

    /** The phone's newest code still usable now, locked for this transaction. */
    Optional<LiveCode> liveCode(String phone, Instant now) {
        return jdbc.sql("""
                        select id, code_hash, failed_attempts from resident_sign_in_code
                         where phone = :phone and used_at is null and voided_at is null and expires_at > :now
                         order by created_at desc, id desc limit 1
                           for update
                        """)
                .param("phone", phone)
                .param("now", Sql.ts(now))
                .query((rs, i) ->
                        new LiveCode(rs.getLong("id"), rs.getString("code_hash"), rs.getInt("failed_attempts")))
                .optional();
    }

    /** Counts a wrong try; the code is void once {@code limit} were made. Returns the tries so far. */
    int wrongTry(long id, int limit, Instant now) {
        return jdbc.sql("""
                        update resident_sign_in_code
                           set failed_attempts = failed_attempts + 1,
                               voided_at = case when failed_attempts + 1 >= :limit then cast(:now as timestamptz) end
                         where id = :id returning failed_attempts
                        """)
                .param("id", id)
                .param("limit", limit)
                .param("now", Sql.ts(now))
                .query(Integer.class)
                .single();
    }

    /** Uses the code; false when it was used (or voided) meanwhile. */
    boolean use(long id, Instant now) {
        return jdbc.sql("""
                        update resident_sign_in_code set used_at = :now
                         where id = :id and used_at is null and voided_at is null
                        """).param("id", id).param("now", Sql.ts(now)).update() > 0;
    }

    // --- preferences and push subscriptions

    record StoredPreferences(String channelsJson, LocalTime quietFrom, LocalTime quietTo) {}

    Optional<StoredPreferences> preferences(long residentId) {
        return jdbc.sql("select channels::text, quiet_from, quiet_to from resident_preferences where resident_id = :id")
                .param("id", residentId)
                .query((rs, i) -> new StoredPreferences(
                        rs.getString(1), rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)))
                .optional();
    }

    void savePreferences(
            CondominiumId condo, long residentId, String channelsJson, LocalTime from, LocalTime to, Instant now) {
        jdbc.sql("""
                        insert into resident_preferences (resident_id, condominium_id, channels, quiet_from, quiet_to,
                               updated_at)
                        values (:id, :condo, cast(:channels as jsonb), :from, :to, :now)
                        on conflict (resident_id) do update set channels = excluded.channels,
                               quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                               updated_at = excluded.updated_at
                        """)
                .param("id", residentId)
                .param("condo", condo.value())
                .param("channels", channelsJson)
                .param("from", from)
                .param("to", to)
                .param("now", Sql.ts(now))
                .update();
    }

    int pushSubscriptions(long residentId) {
        return jdbc.sql("select count(*) from resident_push_subscription where resident_id = :id")
                .param("id", residentId)
                .query(Integer.class)
                .single();
    }

    /** Stores a subscription (the same endpoint again replaces its keys). */
    void savePushSubscription(
            CondominiumId condo, long residentId, String endpoint, String p256dh, String auth, Instant now) {
        jdbc.sql("""
                        insert into resident_push_subscription (condominium_id, resident_id, endpoint, p256dh, auth,
                               created_at)
                        values (:condo, :id, :endpoint, :p256dh, :auth, :now)
                        on conflict (resident_id, endpoint) do update set p256dh = excluded.p256dh, auth = excluded.auth
                        """)
                .param("condo", condo.value())
                .param("id", residentId)
                .param("endpoint", endpoint)
                .param("p256dh", p256dh)
                .param("auth", auth)
                .param("now", Sql.ts(now))
                .update();
    }

    boolean deletePushSubscription(long residentId, String endpoint) {
        return jdbc.sql("delete from resident_push_subscription where resident_id = :id and endpoint = :endpoint")
                        .param("id", residentId)
                        .param("endpoint", endpoint)
                        .update()
                > 0;
    }
}
