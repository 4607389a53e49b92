package br.com.vetric.condominium;

import br.com.vetric.shared.CondominiumId;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads condominiums. The first one is created on start (only when none exists). */
@Service
public class Condominiums implements SmartInitializingSingleton {

    /** How long the list read from the database is reused: every poll and tick asks for it. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final CondominiumProperties props;
    private volatile Snapshot cache = new Snapshot(List.of(), 0);

    Condominiums(JdbcClient jdbc, CondominiumProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    private record Snapshot(List<Condominium> all, long readAtNanos) {}

    /** Runs once every bean (Flyway's migration included) is ready. */
    @Override
    public void afterSingletonsInstantiated() {
        jdbc.sql("insert into condominium (name) select :name where not exists (select 1 from condominium)")
                .param("name", props.name())
                .update();
        cache = new Snapshot(List.of(), 0);
    }

    /** Every condominium, oldest first (read at most every {@link #FRESH_FOR}; a change here refreshes it at once). */
    public List<Condominium> all() {
        Snapshot s = cache;
        if (s.all().isEmpty() || System.nanoTime() - s.readAtNanos() > FRESH_FOR.toNanos()) {
            s = new Snapshot(
                    jdbc.sql("select id, name, time_zone from condominium order by id")
                            .query((rs, i) -> new Condominium(
                                    CondominiumId.of(rs.getLong(1)), rs.getString(2), ZoneId.of(rs.getString(3))))
                            .list(),
                    System.nanoTime());
            cache = s;
        }
        return s.all();
    }

    public Optional<Condominium> find(CondominiumId id) {
        Optional<Condominium> known =
                all().stream().filter(c -> c.id().equals(id)).findFirst();
        if (known.isPresent()) {
            return known;
        }
        cache = new Snapshot(List.of(), 0); // created since the last read (perhaps by another instance)
        return all().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Creates a condominium (the operator's onboarding; tests). */
    public Condominium create(String name) {
        long id = jdbc.sql("insert into condominium (name) values (:name) returning id")
                .param("name", name)
                .query(Long.class)
                .single();
        cache = new Snapshot(List.of(), 0);
        return find(CondominiumId.of(id)).orElseThrow();
    }

    /** The condominium the single-tenant deployment serves: the oldest one. */
    public Condominium primary() {
        return all().getFirst();
    }
}
