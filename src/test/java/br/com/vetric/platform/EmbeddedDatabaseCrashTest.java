package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.com.vetric.support.VetricProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of a real installation, with real processes: VETRIC in a JVM of its own, killed with
 * SIGKILL (as systemd with KillMode=process, PM2 or a shell loop leave it), must come back by itself; its server
 * must be power-safe and reachable only with a password, and VETRIC must run on it as a role that owns nothing.
 */
class EmbeddedDatabaseCrashTest {

    @TempDir
    Path data;

    final List<VetricProcess> started = new ArrayList<>();

    @AfterEach
    void stopWhatWeStarted() throws Exception {
        for (VetricProcess p : started) {
            p.close();
        }
        // a postmaster our VETRIC left behind, if the test failed half-way
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void comesBackByItselfAfterAKill9AndRunsPowerSafeBehindPasswordsAsARoleThatOwnsNothing() throws Exception {
        VetricProcess first = start("first.log").awaitUp(Duration.ofSeconds(90));
        String token = login(first);
        HttpResponse<String> created = send(
                first,
                "POST",
                "/api/v1/residents",
                token,
                "{\"name\":\"Morador Antes do Crash\",\"apartment\":\"Apto 42\",\"tags\":[\"CRASH042\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        long postmaster = postmasterPid().orElseThrow();

        first.kill9();

        // what made the site go down for good: the postmaster outlives VETRIC and holds the data directory
        assertThat(ProcessHandle.of(postmaster)).get().matches(ProcessHandle::isAlive, "postmaster still alive");

        VetricProcess second = start("second.log").awaitUp(Duration.ofSeconds(90));
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(second.output()).contains("left behind by a VETRIC process that did not stop cleanly");
        assertThat(postmasterPid()).get().isNotEqualTo(postmaster);
        HttpResponse<String> found = send(second, "GET", "/api/v1/residents?q=CRASH042", login(second), null);
        assertThat(found.body()).contains("Morador Antes do Crash");

        // item 4: outside the demo, one warning line says where the data lives and how to back it up
        assertThat(second.output())
                .contains(
                        "Running on the embedded PostgreSQL: data in " + data.resolve("postgres"),
                        "Back it up with pg_dump, or stop VETRIC and copy that folder");

        Path dir = data.resolve("postgres");
        EmbeddedServer.Passwords passwords =
                EmbeddedServer.Passwords.read(dir.resolve(EmbeddedServer.CREDENTIALS_FILE));
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(EmbeddedServer.CREDENTIALS_FILE))))
                .isEqualTo("rw-------");
        String url = "jdbc:postgresql://localhost:"
                + Files.readAllLines(dir.resolve("postmaster.pid")).get(3).strip() + "/vetric";
        try (Connection su = new DatabaseLogin(url, "postgres", passwords.superuser()).connect();
                Statement st = su.createStatement()) {
            // power-safe: not the library's test defaults (fsync off, synchronous_commit off)
            assertThat(value(st, "show fsync")).isEqualTo("on");
            assertThat(value(st, "show synchronous_commit")).isEqualTo("on");
            assertThat(value(st, "show full_page_writes")).isEqualTo("on");
            assertThat(Files.readString(dir.resolve("postmaster.opts"))).contains("fsync=on", "synchronous_commit=on");
            // no Unix socket, loopback only
            assertThat(value(st, "show unix_socket_directories")).isEmpty();
            assertThat(value(st, "show listen_addresses")).isEqualTo("localhost");
            // VETRIC's own connections run as vetric_app, which is no superuser, cannot bypass RLS and owns nothing
            assertThat(values(
                            st,
                            "select distinct usename from pg_stat_activity where datname = 'vetric' "
                                    + "and backend_type = 'client backend' and pid <> pg_backend_pid()"))
                    .containsExactly("vetric_app");
            assertThat(values(
                            st,
                            "select rolsuper::text || rolbypassrls::text || rolcreaterole::text || rolcreatedb::text "
                                    + "from pg_roles where rolname = 'vetric_app'"))
                    .containsExactly("falsefalsefalsefalse");
            assertThat(value(
                            st,
                            "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner "
                                    + "where r.rolname = 'vetric_app'"))
                    .isEqualTo("0");
            assertThat(value(
                            st,
                            "select count(*) from pg_namespace n join pg_roles r on r.oid = n.nspowner "
                                    + "where r.rolname = 'vetric_app'"))
                    .isEqualTo("0");
        }
        // only with a password: the review read the Evolution key through a passwordless superuser on 127.0.0.1
        for (String user : List.of("postgres", "vetric_app")) {
            assertThatThrownBy(
                            () -> new DatabaseLogin(url, user, null).connect().close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() ->
                            new DatabaseLogin(url, user, "wrong").connect().close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        try (Connection app = new DatabaseLogin(url, "vetric_app", passwords.app()).connect();
                Statement st = app.createStatement()) {
            // row-level security: the role sees a condominium's rows only once its work names them
            assertThat(value(st, "select count(*) from resident")).isEqualTo("0");
            st.execute("select set_config('vetric.scope', 'all', false)");
            assertThat(value(st, "select count(*) from resident where name = 'Morador Antes do Crash'"))
                    .isEqualTo("1");
            assertThatThrownBy(() -> st.execute("create table intruder (id int)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("drop table resident")).hasMessageContaining("must be owner");
        }

        assertThat(second.stop()).isIn(0, 143);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> postmasterPid()
                        .flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .isEmpty());
    }

    private VetricProcess start(String log) {
        VetricProcess p = VetricProcess.start(
                Map.of(
                        "VETRIC_DATA_DIR", data.toString(),
                        "VETRIC_CPMS_URL", "http://127.0.0.1:9", // a real installation; never polled here
                        "VETRIC_CPMS_API_KEY", "crash-test-key",
                        "VETRIC_CPMS_EMAIL", "crash@test",
                        "VETRIC_CPMS_PASSWORD", "crash-test-cpms-password",
                        "VETRIC_ADMIN_PASSWORD", "crash-test-admin-password",
                        "VETRIC_JWT_SECRET", "W+BuaHcraibXC0C/nj8PwBq8gRf6KHLtVLTmjX5ABfcgUCqon5XD5C4RMG7Oi5ai",
                        "VETRIC_SECRETS_KEY", "Dtaq4wzhc8QrbePF0fmMcWWN2KBiZVQ8QU2Whn6us08="),
                List.of(
                        "--vetric.sync.enabled=false",
                        "--vetric.notifications.scheduler-enabled=false",
                        "--vetric.reports.statement-schedule=false"),
                data.resolve(log));
        started.add(p);
        return p;
    }

    private Optional<Long> postmasterPid() {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String login(VetricProcess p) throws Exception {
        HttpResponse<String> r = send(
                p,
                "POST",
                "/api/v1/auth/login",
                null,
                "{\"email\":\"admin@vetric.local\",\"password\":\"crash-test-admin-password\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> send(VetricProcess p, String method, String path, String token, String json)
            throws Exception {
        return p.send(method, path, token, json);
    }

    private static String value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> values(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
