package br.com.vetric.identity.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.UserAccount;
import br.com.vetric.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> findByEmail(String email) {
        return jdbc.sql("select * from app_user where lower(email) = lower(:email)")
                .param("email", email.strip())
                .query(UserRepository::row)
                .optional();
    }

    public Optional<Row> findById(long id) {
        return jdbc.sql("select * from app_user where id = :id")
                .param("id", id)
                .query(UserRepository::row)
                .optional();
    }

    public List<UserAccount> list() {
        return jdbc.sql("select * from app_user order by role, email").query(UserRepository::row).list().stream()
                .map(Row::account)
                .toList();
    }

    public long insert(String email, String name, Role role, Long condominiumId, String hash) {
        return jdbc.sql("""
                        insert into app_user (email, name, role, condominium_id, password_hash)
                        values (:email, :name, :role, :condo, :hash) returning id
                        """)
                .param("email", email.strip())
                .param("name", name)
                .param("role", role.name())
                .param("condo", condominiumId)
                .param("hash", hash)
                .query(Long.class)
                .single();
    }

    /** Sets a new password hash and bumps the credentials version (every earlier session and token ends). */
    public int setPassword(long id, String hash) {
        return jdbc.sql("""
                        update app_user set password_hash = :hash, password_changed_at = now(),
                               credentials_version = credentials_version + 1
                         where id = :id returning credentials_version
                        """)
                .param("id", id)
                .param("hash", hash)
                .query(Integer.class)
                .single();
    }

    /** Activates or deactivates; a real change bumps the credentials version, so a reactivation revives nothing. */
    public void setActive(long id, boolean active) {
        jdbc.sql("""
                        update app_user set active = :active, credentials_version = credentials_version + 1
                         where id = :id and active <> :active
                        """).param("id", id).param("active", active).update();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Long condo = Sql.longOrNull(rs, "condominium_id");
        return new Row(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                condo,
                rs.getString("password_hash"),
                rs.getBoolean("active"),
                rs.getInt("credentials_version"),
                rs.getTimestamp("created_at").toInstant());
    }

    public record Row(
            long id,
            String email,
            String name,
            Role role,
            Long condominiumId,
            String passwordHash,
            boolean active,
            int credentialsVersion,
            Instant createdAt) {

        public UserAccount account() {
            return new UserAccount(id, email, name, role, condominiumId, active, createdAt);
        }

        public AuthenticatedUser principal() {
            return new AuthenticatedUser(id, email, name, role, condominiumId, credentialsVersion);
        }

        @Override
        public String toString() { // never the password hash
            return "UserRepository.Row[id=" + id + ", role=" + role + ", active=" + active + "]";
        }
    }
}
