package br.com.vetric.residents.internal;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.residents.ResidentAuditEntry;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The residents' audit log: written in the caller's transaction, with the acting user from the security context. */
@Repository
public class ResidentAuditLog {

    /** Who VETRIC itself is in the log (the demo's seeding, work done without a logged-in user). */
    public static final String SYSTEM = "VETRIC (sistema)";

    static final int MAX_WHAT = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ResidentAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(
            CondominiumId condo, ResidentAuditEntry.Action action, Long residentId, String residentName, String what) {
        Optional<AuthenticatedUser> user = ResidentAccess.actor();
        jdbc.sql("""
                        insert into resident_audit (condominium_id, at, user_id, user_email, user_name, action,
                                                    resident_id, resident_name, what)
                        values (:condo, :at, :userId, :email, :name, :action, :residentId, :residentName, :what)
                        """)
                .param("condo", condo.value())
                .param("at", Timestamp.from(clock.instant()))
                .param("userId", user.map(AuthenticatedUser::id).orElse(null))
                .param("email", user.map(AuthenticatedUser::email).orElse(null))
                .param("name", user.map(AuthenticatedUser::name).orElse(SYSTEM))
                .param("action", action.name())
                .param("residentId", residentId)
                .param("residentName", residentName)
                .param("what", what.length() > MAX_WHAT ? what.substring(0, MAX_WHAT - 1) + "…" : what)
                .update();
    }

    /** Newest first; {@code residentId} null for every resident. */
    public List<ResidentAuditEntry> page(CondominiumId condo, Long residentId, int page, int size) {
        return jdbc.sql("""
                        select id, at, user_id, user_email, user_name, action, resident_id, resident_name, what
                          from resident_audit
                         where condominium_id = :condo and (cast(:resident as bigint) is null or resident_id = :resident)
                         order by at desc, id desc limit :size offset :offset
                        """)
                .param("condo", condo.value())
                .param("resident", residentId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(ResidentAuditLog::entry)
                .list();
    }

    public long count(CondominiumId condo, Long residentId) {
        return jdbc.sql("""
                        select count(*) from resident_audit
                         where condominium_id = :condo and (cast(:resident as bigint) is null or resident_id = :resident)
                        """)
                .param("condo", condo.value())
                .param("resident", residentId)
                .query(Long.class)
                .single();
    }

    private static ResidentAuditEntry entry(ResultSet rs, int row) throws SQLException {
        long userId = rs.getLong("user_id");
        Long user = rs.wasNull() ? null : userId;
        long residentId = rs.getLong("resident_id");
        Long resident = rs.wasNull() ? null : residentId;
        return new ResidentAuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                user,
                rs.getString("user_email"),
                rs.getString("user_name"),
                ResidentAuditEntry.Action.valueOf(rs.getString("action")),
                resident,
                rs.getString("resident_name"),
                rs.getString("what"));
    }
}
