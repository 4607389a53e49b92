package br.com.vetric.identity.internal;

import br.com.vetric.platform.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations, by the SHA-256 (hex) of their token; the token itself is never stored. */
@Repository
public class InvitationRepository {

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new invitation for the user; any earlier one that was not used stops working. */
    public void replace(long userId, String tokenHash, Instant expiresAt) {
        jdbc.sql("delete from user_invitation where user_id = :user and used_at is null")
                .param("user", userId)
                .update();
        jdbc.sql("insert into user_invitation (user_id, token_hash, expires_at) values (:user, :hash, :expires)")
                .param("user", userId)
                .param("hash", tokenHash)
                .param("expires", Sql.ts(expiresAt))
                .update();
    }

    /** The unused invitation with this token hash, locked when {@code lock} (to redeem it once). */
    public Optional<Open> findOpen(String tokenHash, boolean lock) {
        return jdbc.sql(
                        "select id, user_id, expires_at from user_invitation where token_hash = :hash and used_at is null"
                                + (lock ? " for update" : ""))
                .param("hash", tokenHash)
                .query((rs, i) -> new Open(rs.getLong("id"), rs.getLong("user_id"), Sql.instant(rs, "expires_at")))
                .optional();
    }

    public void markUsed(long id, Instant at) {
        jdbc.sql("update user_invitation set used_at = :at where id = :id")
                .param("id", id)
                .param("at", Sql.ts(at))
                .update();
    }

    public record Open(long id, long userId, Instant expiresAt) {}
}
