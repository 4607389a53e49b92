package br.com.vetric.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.platform.TestDatabases;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database of the version before units were normalised, with what people typed then, migrated. */
class NormaliseResidentUnitsMigrationTest {

    @Test
    void storedUnitsBecomeNumberAndTowerAndARowTheRuleRefusesIsLeftAsItWas() {
        String url = TestDatabases.newDatabaseUrl();
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration")
                .target("75")
                .load()
                .migrate();
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        long condo = db.sql("insert into condominium (name) values ('Antigo') returning id")
                .query(Long.class)
                .single();
        String[][] rows = {
            {"Apto 101", "Torre A"}, // the demo's seeding
            {"Apto 802 Torre B", null},
            {"0802", "a"},
            {"802 C", null},
            {"Cobertura", "Bloco Sul"},
            {"901", null},
            {"802 A", "B"}, // refused: left as it was
        };
        for (String[] row : rows) {
            db.sql("insert into resident (condominium_id, name, apartment, tower) values (:c, 'R', :a, :t)")
                    .param("c", condo)
                    .param("a", row[0])
                    .param("t", row[1])
                    .update();
        }

        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration")
                .javaMigrations(new V76__Normalise_resident_units())
                .load()
                .migrate();

        List<String> units = db.sql("select apartment || '|' || coalesce(tower, '-') from resident order by id")
                .query(String.class)
                .list();
        assertThat(units).containsExactly("101|A", "802|B", "802|A", "802|C", "Cobertura|Sul", "901|-", "802 A|B");
    }
}
