package br.com.vetric.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a real installation (the demo's too): files in {@code <data dir>/postgres}, kept
 * across restarts, power-safe ({@code fsync} and {@code synchronous_commit} on) and reachable only with a password
 * (SCRAM, loopback only, no Unix socket). The passwords are generated on first start and kept in
 * {@code <data dir>/postgres/vetric-credentials} (0600). VETRIC runs as {@code vetric_app}, which owns nothing;
 * the superuser {@code postgres} owns the schema and runs the migrations.
 */
final class EmbeddedServer implements AutoCloseable {

    static final String DATABASE = "vetric";
    static final String SUPERUSER = "postgres";
    static final String CREDENTIALS_FILE = "vetric-credentials";
    static final String HBA = """
            # Written by VETRIC at every start: password (SCRAM) logins on loopback only, no Unix socket.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final Passwords passwords;

    private EmbeddedServer(EmbeddedPostgres postgres, Path directory, Passwords passwords) {
        this.postgres = postgres;
        this.directory = directory;
        this.passwords = passwords;
    }

    /** Starts the server on {@code props}' data directory; {@code demo} only changes what is logged. */
    static EmbeddedServer start(DatabaseProperties props, boolean demo) {
        Path dir = props.embeddedDataDirectory();
        try {
            Files.createDirectories(dir.getParent());
            refuseIfAnotherProcessUses(dir);
            LeftoverPostmaster.stopIfRunning(dir, Duration.ofSeconds(60));
            EmbeddedServer server = launch(dir, props.embeddedPort());
            if (!demo) {
                log.warn(
                        "Running on the embedded PostgreSQL: data in {} (port {}, superuser {}, password in {}). Back it "
                                + "up with pg_dump, or stop VETRIC and copy that folder; for production prefer an external "
                                + "PostgreSQL (VETRIC_DB_URL).",
                        dir,
                        server.postgres.getPort(),
                        SUPERUSER,
                        dir.resolve(CREDENTIALS_FILE));
            }
            return server;
        } catch (IOException e) {
            throw new StartRefusedException(
                    "VETRIC could not use the data directory " + dir.getParent() + " (" + e + ").",
                    "Check that it can be written by the user running VETRIC, or set VETRIC_DATA_DIR "
                            + "to a folder that can.",
                    e);
        }
    }

    private static EmbeddedServer launch(Path dir, int port) throws IOException {
        Path credentials = dir.resolve(CREDENTIALS_FILE);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        // a cluster made before VETRIC set passwords: it trusts every local login until we set them, just below
        boolean trusting = !fresh && !Files.exists(credentials) && trusts(dir);
        if (!fresh && !trusting && !Files.exists(credentials)) {
            throw new StartRefusedException(
                    "The embedded PostgreSQL in " + dir + " asks for a password, but its " + "credentials file "
                            + credentials + " is missing.",
                    "Restore that file from the backup this folder came from (or, if the folder holds nothing yet, "
                            + "delete it and start again).");
        }
        Passwords passwords = Files.exists(credentials) ? Passwords.read(credentials) : Passwords.generate();
        Path initPassword = dir.resolveSibling(dir.getFileName() + ".initdb-password");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // stopped after the pool, see DatabaseConfiguration
                .setPGStartupWait(Duration.ofMinutes(3)) // after a crash PostgreSQL replays its WAL first
                .setServerConfig("timezone", "UTC")
                // the library starts PostgreSQL with -F (fsync off) and synchronous_commit=off, fine for tests
                // only; a later -c on the command line wins
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", passwords.superuser());
        if (port > 0) {
            builder.setPort(port);
        }
        if (fresh) {
            // initdb options: the superuser gets its password at creation, never a trusting moment
            write(initPassword, passwords.superuser() + "\n");
            builder.setLocaleConfig("pwfile", initPassword.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256");
        }
        if (!trusting) {
            // runs after initdb, before the server starts
            builder.setDataDirectoryCustomizer(d -> {
                try {
                    if (fresh) {
                        passwords.write(credentials);
                    }
                    write(dir.resolve("pg_hba.conf"), HBA);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        EmbeddedPostgres postgres;
        try {
            log.info("Starting the embedded PostgreSQL with data in {}", dir);
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new StartRefusedException(
                    "The embedded PostgreSQL in " + dir + " did not start.",
                    "Its own log lines above say why (a port already in use, a full disk, files that belong to "
                            + "another user...); fix that and start VETRIC again.",
                    e);
        } finally {
            Files.deleteIfExists(initPassword);
        }
        EmbeddedServer server = new EmbeddedServer(postgres, dir, passwords);
        try {
            server.prepare(trusting);
        } catch (SQLException | IOException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("could not prepare the embedded PostgreSQL in " + dir, e);
        }
        return server;
    }

    /** Database, roles and passwords, then the proof that a login without a password is refused. */
    private void prepare(boolean trusting) throws SQLException, IOException {
        try (Connection c = superuser().onDatabase("postgres").connect();
                Statement st = c.createStatement()) {
            if (trusting) {
                c.unwrap(org.postgresql.PGConnection.class)
                        .alterUserPassword(SUPERUSER, passwords.superuser().toCharArray(), "scram-sha-256");
            }
            ApplicationRole.ensure(c, ApplicationRole.EMBEDDED, passwords.app());
            createDatabase(c, DATABASE);
            st.execute("revoke all on database " + DATABASE + " from public");
            st.execute("grant connect, temporary on database " + DATABASE + " to " + ApplicationRole.EMBEDDED);
            if (trusting) {
                passwords.write(directory.resolve(CREDENTIALS_FILE));
                write(directory.resolve("pg_hba.conf"), HBA);
                st.execute("select pg_reload_conf()");
                log.info(
                        "The embedded PostgreSQL in {} now asks for passwords (kept in {})",
                        directory,
                        directory.resolve(CREDENTIALS_FILE));
            }
        }
        try (Connection owner = superuser().connect()) {
            ApplicationRole.grant(owner, ApplicationRole.EMBEDDED);
        }
        try (Connection ignored = new DatabaseLogin(superuser().url(), SUPERUSER, null).connect()) {
            throw new IllegalStateException("the embedded PostgreSQL accepts a login without a password");
        } catch (SQLException expected) {
            // refused, as it must be
        }
    }

    static void createDatabase(Connection superuser, String database) throws SQLException {
        try (Statement st = superuser.createStatement();
                ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!rs.next()) {
                st.execute("create database " + database);
            }
        }
    }

    DatabaseLogin superuser() {
        return new DatabaseLogin(url(DATABASE), SUPERUSER, passwords.superuser());
    }

    DatabaseLogin app() {
        return new DatabaseLogin(url(DATABASE), ApplicationRole.EMBEDDED, passwords.app());
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.toString());
        }
    }

    /** Another live VETRIC holds the library's lock on the directory: its PostgreSQL is not a leftover. */
    private static void refuseIfAnotherProcessUses(Path dir) throws IOException {
        Path lock = dir.resolve("epg-lock");
        if (!Files.exists(lock)) {
            return;
        }
        boolean free;
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            free = held != null;
        } catch (OverlappingFileLockException e) {
            free = false;
        }
        if (!free) {
            throw new StartRefusedException(
                    "Another VETRIC process is already running on " + dir + ".",
                    "Stop that process first, or give this one its own data directory (VETRIC_DATA_DIR).");
        }
    }

    private static boolean trusts(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        return Files.exists(hba)
                && Files.readAllLines(hba).stream()
                        .map(String::strip)
                        .filter(l -> !l.startsWith("#"))
                        .anyMatch(l -> l.matches(".*\\strust(\\s.*)?"));
    }

    /** Writes {@code content} readable by the owner only, replacing the file atomically. */
    static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The superuser's and the application role's passwords. */
    record Passwords(String superuser, String app) {

        static Passwords generate() {
            return new Passwords(random(), random());
        }

        static Passwords read(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            String superuser = p.getProperty(SUPERUSER);
            String app = p.getProperty(ApplicationRole.EMBEDDED);
            if (superuser == null || superuser.isBlank() || app == null || app.isBlank()) {
                throw new StartRefusedException(
                        "The credentials file " + file + " of the embedded PostgreSQL is " + "incomplete.",
                        "Restore it from the backup this folder came from.");
            }
            return new Passwords(superuser, app);
        }

        void write(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty(SUPERUSER, superuser);
            p.setProperty(ApplicationRole.EMBEDDED, app);
            StringBuilder text = new StringBuilder();
            try (Writer w = new java.io.StringWriter()) {
                p.store(w, "Passwords of the embedded PostgreSQL (user = password); keep this file with the folder");
                text.append(w);
            }
            EmbeddedServer.write(file, text.toString());
        }

        private static String random() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        @Override
        public String toString() {
            return "Passwords[***]";
        }
    }
}
