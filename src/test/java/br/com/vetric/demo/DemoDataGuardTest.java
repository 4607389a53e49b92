package br.com.vetric.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import br.com.vetric.VetricApplication;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.StartRefusedException;
import br.com.vetric.platform.TestDatabases;
import br.com.vetric.support.CveProFake;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's accounts ({@code admin@vetric.local}/{@code vetric-admin}, {@code sindico@vetric.local}/
 * {@code sindico-demo}) and simulated sessions must never be usable outside the demo: a database the demo ran on is
 * refused by a real installation (and a real installation's database by the demo), with a message saying what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataGuardTest {

    static final CveProFake cve = new CveProFake();

    @TempDir
    Path data;

    @AfterAll
    static void stop() {
        cve.close();
    }

    private static ConfigurableApplicationContext start(boolean demo, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(
                Map.of("spring.profiles.active", "test", "server.port", "0", "vetric.demo.live", "false"));
        if (!demo) {
            props.putAll(Map.of(
                    "vetric.cpms.url",
                    cve.baseUrl(),
                    "vetric.cpms.api-key",
                    CveProFake.API_KEY,
                    "vetric.cpms.email",
                    CveProFake.EMAIL,
                    "vetric.cpms.password",
                    CveProFake.PASSWORD));
        }
        props.putAll(extra);
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(VetricApplication.class).run(args);
    }

    private static Map<String, Object> external(String jdbcUrl) {
        return Map.of(
                "vetric.db.url", jdbcUrl, "vetric.db.username", "postgres", "vetric.db.embedded-ephemeral", "false");
    }

    private static StartRefusedException refusal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StartRefusedException r) {
                return r;
            }
        }
        throw new AssertionError("not refused: " + t, t);
    }

    @Test
    void aDataDirectoryTheDemoRanOnIsRefusedWhenARealCveProIsConfigured(CapturedOutput output) {
        Map<String, Object> onDataDir =
                Map.of("vetric.db.embedded-ephemeral", "false", "vetric.db.data-dir", data.toString());
        try (ConfigurableApplicationContext demo = start(true, onDataDir)) {
            assertThat(demo.getBean(Users.class)
                            .authenticate(DemoProperties.MANAGER_EMAIL, DemoProperties.MANAGER_PASSWORD))
                    .isNotNull();
        }

        StartRefusedException refused =
                refusal(catchThrowable(() -> start(false, onDataDir).close()));

        assertThat(refused.getMessage())
                .isEqualTo(
                        "VETRIC_CPMS_URL is set, but the data directory " + data
                                + " holds the demo's simulated data and accounts; VETRIC will not run a real CVE-PRO installation on it.");
        assertThat(refused.action()).contains("set VETRIC_DATA_DIR to a new folder", "unset VETRIC_CPMS_URL");
        // reported as what happened and what to do, without a stack trace to dig through
        assertThat(output.getAll())
                .contains(
                        "APPLICATION FAILED TO START",
                        "Description:",
                        refused.getMessage(),
                        "Action:",
                        refused.action());
    }

    @Test
    void anExternalDatabaseTheDemoSeededIsRefusedToo() {
        String url;
        try (ConfigurableApplicationContext demo = start(true, Map.of())) {
            url = ((HikariDataSource) demo.getBean(DataSource.class)).getJdbcUrl();
        }

        StartRefusedException refused =
                refusal(catchThrowable(() -> start(false, external(url)).close()));

        assertThat(refused.getMessage())
                .contains("the database at " + url, "holds the demo's simulated data and accounts");
        assertThat(refused.action()).contains("point VETRIC_DB_URL at a new, empty database");
    }

    @Test
    void theDemoNeverRunsItsSimulatorOnARealInstallationsDatabase() {
        String url;
        try (ConfigurableApplicationContext real = start(false, Map.of())) {
            url = ((HikariDataSource) real.getBean(DataSource.class)).getJdbcUrl();
        }

        StartRefusedException refused =
                refusal(catchThrowable(() -> start(true, external(url)).close()));

        assertThat(refused.getMessage())
                .contains("VETRIC_CPMS_URL is not set (demo mode)", "holds a real installation's data");
        assertThat(refused.action()).contains("Set VETRIC_CPMS_URL");
    }

    @Test
    void aDemoDatabaseFromBeforeTheMarkIsRecognisedByTheDemoManagerAccount() throws Exception {
        // as the demo left a database before V40 existed: the schema up to V30 and the demo's manager account
        String url = TestDatabases.newDatabaseUrl();
        Flyway.configure().dataSource(url, "postgres", null).target("30").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("insert into condominium (name) values ('Condomínio Demo')");
            st.execute("insert into app_user (condominium_id, email, name, password_hash, role) "
                    + "select id, 'sindico@vetric.local', 'Síndico Demo', 'x', 'CLIENTE' from condominium");
        }

        StartRefusedException refused =
                refusal(catchThrowable(() -> start(false, external(url)).close()));

        assertThat(refused.getMessage()).contains("holds the demo's simulated data and accounts");
    }
}
