package br.com.vetric.condominium.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Plan;
import br.com.vetric.condominium.Plans;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The condominium table. Commands arrive normalized ({@link CondominiumCommand#normalized()}). */
@Repository
public class CondominiumRepository {

    private final JdbcClient jdbc;

    CondominiumRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the first condominium when there is none (the first start), on the enterprise plan: the installation's
     * own condominium keeps everything VETRIC did before plans had limits.
     */
    public void ensureOne(String name) {
        jdbc.sql("""
                        insert into condominium (name, plan)
                        select :name, 'enterprise' where not exists (select 1 from condominium)
                        """).param("name", name).update();
    }

    public List<Condominium> all() {
        return jdbc.sql("select * from condominium order by id")
                .query(CondominiumRepository::row)
                .list();
    }

    /** The condominium that holds this CNPJ, other than {@code except} (null: any). */
    public Optional<Long> holderOf(String cnpj, CondominiumId except) {
        return jdbc.sql("select id from condominium where cnpj = :cnpj and id <> :except")
                .param("cnpj", cnpj)
                .param("except", except == null ? 0L : except.value())
                .query(Long.class)
                .optional();
    }

    public CondominiumId insert(CondominiumCommand c) {
        return CondominiumId.of(
                jdbc.sql("""
                        insert into condominium (name, cnpj, address, phone, email, time_zone, plan, active)
                        values (:name, :cnpj, :address, :phone, :email, :zone, :plan, :active) returning id
                        """).params(values(c)).query(Long.class).single());
    }

    /** Writes every value; returns false when there is no such condominium. */
    public boolean update(CondominiumId id, CondominiumCommand c) {
        return jdbc.sql("""
                        update condominium
                           set name = :name, cnpj = :cnpj, address = :address, phone = :phone, email = :email,
                               time_zone = :zone, plan = :plan, active = :active, updated_at = now()
                         where id = :id
                        """).params(values(c)).param("id", id.value()).update() > 0;
    }

    /** Whether the condominium's managers may change its residents (false for an unknown condominium). */
    public boolean residentsEditableByManager(CondominiumId id) {
        return jdbc.sql("select residents_editable_by_manager from condominium where id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Sets it; returns whether it changed. */
    public boolean setResidentsEditableByManager(CondominiumId id, boolean editable) {
        return jdbc.sql("""
                        update condominium set residents_editable_by_manager = :editable
                         where id = :id and residents_editable_by_manager <> :editable
                        """).param("id", id.value()).param("editable", editable).update() > 0;
    }

    /**
     * Every condominium's active residents and chargers, in one statement (the residents' and chargers' tables are
     * other modules'; this only counts their rows by condominium, for the plans' limits).
     */
    public java.util.Map<CondominiumId, Plans.Usage> usage() {
        java.util.Map<CondominiumId, Plans.Usage> usage = new java.util.HashMap<>();
        jdbc.sql("""
                        select c.id,
                               (select count(*) from resident r where r.condominium_id = c.id and r.active) residents,
                               (select count(*) from charger ch where ch.condominium_id = c.id) chargers
                          from condominium c
                        """).query(rs -> {
            usage.put(
                    CondominiumId.of(rs.getLong("id")),
                    new Plans.Usage(rs.getLong("residents"), rs.getLong("chargers")));
        });
        return usage;
    }

    private static java.util.Map<String, Object> values(CondominiumCommand c) {
        java.util.Map<String, Object> v = new java.util.HashMap<>();
        v.put("name", c.name());
        v.put("cnpj", c.cnpj());
        v.put("address", c.address());
        v.put("phone", c.phone());
        v.put("email", c.email());
        v.put("zone", c.timeZone());
        v.put("plan", c.plan());
        v.put("active", c.active());
        return v;
    }

    private static Condominium row(ResultSet rs, int i) throws SQLException {
        return new Condominium(
                CondominiumId.of(rs.getLong("id")),
                rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getString("cnpj"),
                rs.getString("address"),
                rs.getString("phone"),
                rs.getString("email"),
                Plan.fromCode(rs.getString("plan")).orElseThrow(),
                rs.getBoolean("active"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
