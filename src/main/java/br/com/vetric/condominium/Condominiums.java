package br.com.vetric.condominium;

import br.com.vetric.shared.CondominiumId;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads condominiums. The first one is created on start (only when none exists). */
@Service
public class Condominiums implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final CondominiumProperties props;

    Condominiums(JdbcClient jdbc, CondominiumProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /** Runs once every bean (Flyway's migration included) is ready. */
    @Override
    public void afterSingletonsInstantiated() {
        jdbc.sql("insert into condominium (name) select :name where not exists (select 1 from condominium)")
                .param("name", props.name())
                .update();
    }

    public List<Condominium> all() {
        return jdbc.sql("select id, name, time_zone from condominium order by id")
                .query((rs, i) ->
                        new Condominium(CondominiumId.of(rs.getLong(1)), rs.getString(2), ZoneId.of(rs.getString(3))))
                .list();
    }

    public Optional<Condominium> find(CondominiumId id) {
        return jdbc.sql("select id, name, time_zone from condominium where id = :id")
                .param("id", id.value())
                .query((rs, i) ->
                        new Condominium(CondominiumId.of(rs.getLong(1)), rs.getString(2), ZoneId.of(rs.getString(3))))
                .optional();
    }

    /** Creates a condominium (the operator's onboarding; tests). */
    public Condominium create(String name) {
        long id = jdbc.sql("insert into condominium (name) values (:name) returning id")
                .param("name", name)
                .query(Long.class)
                .single();
        return find(CondominiumId.of(id)).orElseThrow();
    }

    /**
     * Whether the condominium's managers (CLIENTE) may add, edit, deactivate and import residents and assign unknown
     * tags: the operator's choice, on by default.
     */
    public boolean residentsEditableByManager(CondominiumId id) {
        return jdbc.sql("select residents_editable_by_manager from condominium where id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The operator's choice above; returns whether it changed. */
    public boolean setResidentsEditableByManager(CondominiumId id, boolean editable) {
        return jdbc.sql("""
                        update condominium set residents_editable_by_manager = :editable
                         where id = :id and residents_editable_by_manager <> :editable
                        """).param("id", id.value()).param("editable", editable).update() > 0;
    }

    /** The condominium the single-tenant deployment serves: the oldest one. */
    public Condominium primary() {
        return all().getFirst();
    }
}
