package br.com.vetric.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.platform.TestDatabases;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V90 on a database filled by the previous version: each CLIENTE's condominium becomes their one membership, the
 * ADMIN gets none, the condominium keeps its name and zone and becomes an active basic one without CNPJ, and every
 * password stays as it was.
 */
class MembershipMigrationTest {

    @Test
    void theSingleCondominiumOfEachClienteBecomesItsMembershipAndNothingIsLost() {
        String url = TestDatabases.newDatabaseUrl();
        TestDatabases.migrateToJustBefore(url, "90");
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        long condo = db.sql("insert into condominium (name, time_zone) values ('Edifício Antigo', 'America/Manaus')"
                        + " returning id")
                .query(Long.class)
                .single();
        db.sql("insert into app_user (condominium_id, email, name, password_hash, role) values"
                        + " (:c, 'sindico@antigo.test', 'Síndico', '{bcrypt}hash-1', 'CLIENTE'),"
                        + " (null, 'admin@antigo.test', 'Admin', '{bcrypt}hash-2', 'ADMIN')")
                .param("c", condo)
                .update();

        Flyway.configure()
                .dataSource(url, "postgres", null)
                .javaMigrations(TestDatabases.javaMigrations())
                .load()
                .migrate();

        List<Map<String, Object>> memberships = db.sql("""
                        select u.email, m.condominium_id from app_user u
                          left join user_condominium m on m.user_id = u.id order by u.email""").query().listOfRows();
        assertThat(memberships).containsExactly(row("admin@antigo.test", null), row("sindico@antigo.test", condo));
        assertThat(db.sql("select password_hash from app_user order by email")
                        .query(String.class)
                        .list())
                .containsExactly("{bcrypt}hash-2", "{bcrypt}hash-1");
        Map<String, Object> c = db.sql("select name, time_zone, plan, active, cnpj from condominium")
                .query()
                .singleRow();
        assertThat(c)
                .containsEntry("name", "Edifício Antigo")
                .containsEntry("time_zone", "America/Manaus")
                .containsEntry("plan", "enterprise") // V110: the installation's own keeps every feature it had
                .containsEntry("active", true)
                .containsEntry("cnpj", null);
    }

    static Map<String, Object> row(String email, Long condominium) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("email", email);
        m.put("condominium_id", condominium);
        return m;
    }
}
