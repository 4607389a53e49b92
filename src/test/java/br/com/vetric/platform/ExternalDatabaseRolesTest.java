package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.VetricApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An external PostgreSQL with two users: VETRIC_DB_MIGRATION_USERNAME owns the schema and runs Flyway, and
 * VETRIC_DB_USERNAME, which owns nothing, is what the application runs as (so the owner's row-level security
 * applies to it).
 */
class ExternalDatabaseRolesTest {

    @Test
    void withAMigrationUserTheSchemaIsItsAndTheApplicationRunsAsARoleThatOwnsNothing() throws Exception {
        String url = TestDatabases.newDatabaseUrl();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "owner_" + suffix;
        String app = "app_" + suffix;
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("create role " + owner + " login password 'owner-pw'");
            st.execute("create role " + app + " login password 'app-pw'");
            st.execute("alter database " + c.getCatalog() + " owner to " + owner);
        }

        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(VetricApplication.class)
                .run(
                        "--spring.profiles.active=test",
                        "--server.port=0",
                        "--vetric.demo.live=false",
                        "--vetric.db.embedded-ephemeral=false",
                        "--vetric.db.url=" + url,
                        "--vetric.db.username=" + app,
                        "--vetric.db.password=app-pw",
                        "--vetric.db.migration-username=" + owner,
                        "--vetric.db.migration-password=owner-pw")) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single())
                    .isEqualTo(app);
            assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> :owner")
                            .param("owner", owner)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from condominium")
                            .query(Long.class)
                            .single())
                    .isPositive();
            assertThatThrownBy(() -> jdbc.sql("create table intruder (id int)").update())
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
    }
}
