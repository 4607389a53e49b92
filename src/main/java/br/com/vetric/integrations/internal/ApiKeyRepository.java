package br.com.vetric.integrations.internal;

import br.com.vetric.integrations.ApiKey;
import br.com.vetric.integrations.ApiScope;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    /** A key with its hash, for the check of a request. */
    record Stored(ApiKey key, long createdBy, byte[] hash) {}

    private static final String COLUMNS = """
            id, condominium_id, name, prefix, scopes, expires_at, rate_limit_per_minute, created_at, last_used_at,
            revoked_at, created_by, key_hash""";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiKey insert(
            CondominiumId condo,
            String name,
            String prefix,
            byte[] hash,
            List<ApiScope> scopes,
            Instant expiresAt,
            int rateLimit,
            long createdBy,
            Instant now) {
        return jdbc.sql("insert into api_key (condominium_id, name, prefix, key_hash, scopes, expires_at,"
                        + " rate_limit_per_minute, created_by, created_at) values (:c, :name, :prefix, :hash, :scopes,"
                        + " :expires, :limit, :by, :now) returning " + COLUMNS)
                .param("c", condo.value())
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", hash)
                .param("scopes", scopes.stream().map(ApiScope::code).toArray(String[]::new))
                .param("expires", Sql.ts(expiresAt))
                .param("limit", rateLimit)
                .param("by", createdBy)
                .param("now", Sql.ts(now))
                .query((rs, i) -> stored(rs).key())
                .single();
    }

    List<ApiKey> list(CondominiumId condo) {
        return jdbc.sql("select " + COLUMNS + " from api_key where condominium_id = :c order by id desc")
                .param("c", condo.value())
                .query((rs, i) -> stored(rs).key())
                .list();
    }

    Optional<Stored> byPrefix(String prefix) {
        return jdbc.sql("select " + COLUMNS + " from api_key where prefix = :p")
                .param("p", prefix)
                .query((rs, i) -> stored(rs))
                .optional();
    }

    boolean revoke(CondominiumId condo, long id, Instant now) {
        return jdbc.sql(
                                "update api_key set revoked_at = coalesce(revoked_at, :now) where condominium_id = :c and id = :id")
                        .param("c", condo.value())
                        .param("id", id)
                        .param("now", Sql.ts(now))
                        .update()
                > 0;
    }

    /** Records a use unless one was recorded less than a minute ago (one write a minute per key, at most). */
    void used(long id, Instant now) {
        jdbc.sql(
                        "update api_key set last_used_at = :now where id = :id"
                                + " and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute')")
                .param("id", id)
                .param("now", Sql.ts(now))
                .update();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        List<ApiScope> scopes = Arrays.stream((String[]) rs.getArray("scopes").getArray())
                .flatMap(s -> ApiScope.fromCode(s).stream())
                .toList();
        ApiKey key = new ApiKey(
                rs.getLong("id"),
                new CondominiumId(rs.getLong("condominium_id")),
                rs.getString("name"),
                rs.getString("prefix"),
                scopes,
                Sql.instant(rs, "expires_at"),
                rs.getInt("rate_limit_per_minute"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_used_at"),
                Sql.instant(rs, "revoked_at"));
        return new Stored(key, rs.getLong("created_by"), rs.getBytes("key_hash"));
    }
}
