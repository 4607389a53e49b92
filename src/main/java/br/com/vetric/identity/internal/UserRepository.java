package br.com.vetric.identity.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.UserAccount;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and their condominium memberships (a CLIENTE's condominiums). */
@Repository
public class UserRepository {

    private static final String SELECT = """
            select u.*, array(select m.condominium_id from user_condominium m
                               where m.user_id = u.id order by m.condominium_id) as condominium_ids
              from app_user u
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> findByEmail(String email) {
        return jdbc.sql(SELECT + " where lower(u.email) = lower(:email)")
                .param("email", email.strip())
                .query(UserRepository::row)
                .optional();
    }

    public Optional<Row> findById(long id) {
        return jdbc.sql(SELECT + " where u.id = :id")
                .param("id", id)
                .query(UserRepository::row)
                .optional();
    }

    public List<UserAccount> list() {
        return jdbc.sql(SELECT + " order by u.role, u.email").query(UserRepository::row).list().stream()
                .map(Row::account)
                .toList();
    }

    /** A new user; {@code hash} null for an invited user (no password until they choose one). */
    public long insert(String email, String name, Role role, boolean active, String hash) {
        return jdbc.sql("""
                        insert into app_user (email, name, role, active, password_hash)
                        values (:email, :name, :role, :active, :hash) returning id
                        """)
                .param("email", email.strip())
                .param("name", name)
                .param("role", role.name())
                .param("active", active)
                .param("hash", hash)
                .query(Long.class)
                .single();
    }

    /** Makes the user's condominiums exactly these (none for an ADMIN). */
    public void setMemberships(long userId, List<Long> condominiumIds) {
        jdbc.sql("delete from user_condominium where user_id = :id and condominium_id <> all(:ids)")
                .param("id", userId)
                .param("ids", condominiumIds.toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        insert into user_condominium (user_id, condominium_id)
                        select :id, c from unnest(:ids) as c on conflict do nothing
                        """)
                .param("id", userId)
                .param("ids", condominiumIds.toArray(Long[]::new))
                .update();
    }

    /** Changes e-mail, name and role; a change of role bumps the credentials version (its sessions and tokens end). */
    public void update(long id, String email, String name, Role role) {
        jdbc.sql("""
                        update app_user
                           set email = :email, name = :name, role = :role,
                               credentials_version = credentials_version + case when role <> :role then 1 else 0 end
                         where id = :id
                        """)
                .param("id", id)
                .param("email", email.strip())
                .param("name", name)
                .param("role", role.name())
                .update();
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
        Array ids = rs.getArray("condominium_ids");
        List<Long> condominiums = Arrays.stream((Long[]) ids.getArray()).toList();
        return new Row(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                condominiums,
                rs.getString("password_hash"),
                rs.getBoolean("active"),
                rs.getInt("credentials_version"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** A stored user; {@code passwordHash} is null while an invited user has not chosen a password. */
    public record Row(
            long id,
            String email,
            String name,
            Role role,
            List<Long> condominiumIds,
            String passwordHash,
            boolean active,
            int credentialsVersion,
            Instant createdAt) {

        public UserAccount account() {
            return new UserAccount(id, email, name, role, condominiumIds, active, passwordHash != null, createdAt);
        }

        public AuthenticatedUser principal() {
            return new AuthenticatedUser(id, email, name, role, condominiumIds, credentialsVersion);
        }

        @Override
        public String toString() { // never the password hash
            return "UserRepository.Row[id=" + id + ", role=" + role + ", active=" + active + "]";
        }
    }
}
