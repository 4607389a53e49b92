package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The persistent embedded PostgreSQL started in this JVM, with real PostgreSQL processes: what it does with a data
 * directory made before it set passwords, with a {@code postmaster.pid} that does not name that directory's server,
 * and with another VETRIC on the same directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedServerTest {

    /** One data directory made by VETRIC (initdb takes seconds), copied for each test that needs one. */
    static Path template;

    @TempDir
    Path data;

    @BeforeAll
    static void makeTemplate(@TempDir Path dir) {
        template = dir;
        EmbeddedServer.start(props(dir), true).close();
    }

    static DatabaseProperties props(Path dataDir) {
        return new DatabaseProperties(
                null, null, null, null, null, dataDir.toString(), 0, false, Duration.ofSeconds(2));
    }

    DatabaseProperties props() {
        return props(data);
    }

    /** A copy of the template's data directory, as a stopped VETRIC leaves it. */
    void existingDataDirectory() throws IOException {
        Path from = template.resolve("postgres");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(
                        f,
                        data.resolve("postgres").resolve(from.relativize(f).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @Test
    void aDataDirectoryMadeWhenEveryLocalLoginWasTrustedGetsPasswordsOnItsFirstStart() throws Exception {
        Path dir = data.resolve("postgres");
        // what the previous VETRIC made: initdb -A trust, VETRIC connected as the passwordless superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .start();
                Connection c = old.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("create database vetric");
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");

        try (EmbeddedServer server = EmbeddedServer.start(props(), true)) {
            String url = server.superuser().url();
            assertThatThrownBy(() ->
                            new DatabaseLogin(url, "postgres", null).connect().close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            try (Connection c = server.app().connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("vetric_app");
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf")))
                .doesNotContain("trust")
                .contains("scram-sha-256");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(EmbeddedServer.CREDENTIALS_FILE))))
                .isEqualTo("rw-------");
        // and the next start uses the passwords it kept
        try (EmbeddedServer again = EmbeddedServer.start(props(), true);
                Connection c = again.superuser().connect()) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void aStalePidFileWhosePidWasReusedIsRemovedAndThatProcessIsLeftAlone() throws Exception {
        existingDataDirectory();
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(
                    data.resolve("postgres/postmaster.pid"), stranger.pid() + "\n" + data.resolve("postgres") + "\n");
            try (EmbeddedServer server = EmbeddedServer.start(props(), true);
                    Connection c = server.app().connect()) {
                assertThat(c.isValid(2)).isTrue();
            }
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void thePostgresOfAnotherDataDirectoryIsNeverStopped() throws Exception {
        existingDataDirectory();
        // the test JVM's throw-away server: a live postmaster, but of another directory
        DatabaseConfiguration.Database other = DatabaseConfiguration.EphemeralServer.newDatabase();
        other.close(); // no pool of ours on it
        long otherPid;
        try (Connection c = other.migration().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("show data_directory")) {
            rs.next();
            otherPid = Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid"))
                    .getFirst()
                    .strip());
        }
        Files.writeString(data.resolve("postgres/postmaster.pid"), otherPid + "\n" + data.resolve("postgres") + "\n");

        try (EmbeddedServer server = EmbeddedServer.start(props(), true);
                Connection c = server.app().connect()) {
            assertThat(c.isValid(2)).isTrue();
        }
        assertThat(ProcessHandle.of(otherPid).filter(ProcessHandle::isAlive)).isPresent();
        try (Connection c = other.migration().connect()) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void aSecondVetricOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsItsServer() throws Exception {
        existingDataDirectory();
        try (EmbeddedServer first = EmbeddedServer.start(props(), true)) {
            assertThatThrownBy(() -> EmbeddedServer.start(props(), true))
                    .isInstanceOf(StartRefusedException.class)
                    .hasMessageContaining("Another VETRIC process is already running on " + data.resolve("postgres"));
            try (Connection c = first.app().connect()) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void onlyOutsideTheDemoOneWarningSaysWhereTheDataLivesAndHowToBackItUp(CapturedOutput output) throws IOException {
        existingDataDirectory();
        String warning = "Running on the embedded PostgreSQL: data in " + data.resolve("postgres");
        EmbeddedServer.start(props(), true).close();
        assertThat(output.getAll()).doesNotContain(warning);
        EmbeddedServer.start(props(), false).close();
        assertThat(output.getAll())
                .containsOnlyOnce(warning)
                .contains("Back it up with pg_dump, or stop VETRIC and copy that folder; for production prefer an "
                        + "external PostgreSQL (VETRIC_DB_URL).");
    }
}
