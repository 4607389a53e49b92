package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.support.VetricProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup drill of docs/OPERATIONS.md, for real: VETRIC (a process of its own, demo world, JSON logs) fills a
 * PostgreSQL database, {@code scripts/backup} dumps it, {@code scripts/restore} loads the file into an empty
 * database, and every session, resident and statement is there, row for row. The server is PostgreSQL 15, the major
 * version of Debian bookworm's {@code postgresql-client} (pg_dump refuses a newer server): {@code .ci/run} installs
 * the client, Maven copies the server's binaries to {@code target/backup-test}.
 */
class BackupRestoreTest {

    static final Path SERVER_BINARIES = Path.of("target/backup-test/postgresql-15-binaries.jar");
    static final List<String> KEPT = List.of(
            "charging_session", "resident", "resident_tag", "statement", "statement_line", "flyway_schema_history");

    @TempDir
    Path dir;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHasEverySessionResidentAndStatement() throws Exception {
        try (EmbeddedPostgres server = postgres15()) {
            int port = server.getPort();
            createDatabase(port, "vetric");
            createDatabase(port, "restored");
            String vetricUrl = "jdbc:postgresql://localhost:" + port + "/vetric";

            fill(vetricUrl);

            Path file = dir.resolve("vetric.dump");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("VETRIC_DB_URL", vetricUrl);
            env.put("VETRIC_DB_USERNAME", "postgres");
            Result backup = run(env, "scripts/backup", file.toString());
            assertThat(backup.exit()).as(backup.output()).isZero();
            assertThat(file).isNotEmptyFile();

            Map<String, String> target = Map.of(
                    "PGHOST",
                    "localhost",
                    "PGPORT",
                    Integer.toString(port),
                    "PGUSER",
                    "postgres",
                    "PGDATABASE",
                    "restored");
            Result restore = run(target, "scripts/restore", file.toString());
            assertThat(restore.exit()).as(restore.output()).isZero();

            for (String table : KEPT) {
                String before = fingerprint(vetricUrl, table);
                String after = fingerprint("jdbc:postgresql://localhost:" + port + "/restored", table);
                assertThat(after).as("rows of %s after the restore", table).isEqualTo(before);
            }

            Result again = run(target, "scripts/restore", file.toString());
            assertThat(again.exit())
                    .as("a restore into a database that has tables")
                    .isEqualTo(1);
            assertThat(again.output()).contains("Refusing to restore");
        }
    }

    /** VETRIC's demo on this database until it holds sessions, residents and a statement; its logs are JSON lines. */
    private void fill(String url) throws Exception {
        Path log = dir.resolve("vetric.log");
        Map<String, String> env = Map.of(
                "VETRIC_DB_URL",
                url,
                "VETRIC_DB_USERNAME",
                "postgres",
                "VETRIC_DATA_DIR",
                dir.resolve("data").toString(),
                "VETRIC_LOG_FORMAT",
                "json");
        try (VetricProcess vetric = VetricProcess.start(env, List.of(), log)) {
            vetric.awaitUp(Duration.ofSeconds(120));
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(url, "charging_session") > 0
                            && count(url, "resident") > 0
                            && count(url, "statement") > 0);
            assertThat(vetric.stop()).isIn(0, 143);
            jsonLines(vetric.output());
        }
    }

    /** Every line VETRIC logged is one JSON object (Elastic Common Schema) with a level and a message. */
    private static void jsonLines(String output) {
        JsonMapper json = JsonMapper.builder().build();
        int lines = 0;
        for (String line : output.split("\n")) {
            if (line.isBlank() || line.startsWith("WARNING:")) {
                continue; // the JVM's own warnings (not VETRIC's logs)
            }
            JsonNode entry = json.readTree(line);
            assertThat(entry.has("@timestamp") && entry.path("log").has("level") && entry.has("message"))
                    .as(line)
                    .isTrue();
            lines++;
        }
        assertThat(lines).isGreaterThan(5);
        assertThat(output).doesNotContain("vetric-admin"); // the demo's password
    }

    private static EmbeddedPostgres postgres15() throws IOException {
        assertThat(SERVER_BINARIES)
                .as("PostgreSQL 15 binaries (copied by Maven in process-test-resources)")
                .exists();
        byte[] txz;
        try (ZipFile jar = new ZipFile(SERVER_BINARIES.toFile())) {
            txz = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz")).readAllBytes();
        }
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(txz))
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", "off")
                .setRegisterShutdownHook(false)
                .start();
    }

    private static void createDatabase(int port, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        }
    }

    private static long count(String url, String table) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0; // not migrated yet
        }
    }

    /** The table's row count and a digest of every row, in key order. */
    private static String fingerprint(String url, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                                + " from " + table + " t")) {
            rs.next();
            return rs.getLong(1) + " rows, " + rs.getString(2);
        }
    }

    private record Result(int exit, String output) {}

    /** One of the scripts, with the PostgreSQL 15 client tools, in the project's folder. */
    private static Result run(Map<String, String> env, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("VETRIC_") || k.startsWith("PG"));
        pb.environment().putAll(env);
        Path pg15 = Path.of("/usr/lib/postgresql/15/bin");
        if (Files.isExecutable(pg15.resolve("pg_dump"))) {
            pb.environment().put("PG_BIN", pg15.toString());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
