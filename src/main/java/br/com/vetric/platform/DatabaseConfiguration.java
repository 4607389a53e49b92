package br.com.vetric.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource: the external PostgreSQL named by {@code VETRIC_DB_URL}, or an embedded PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    private static final String EMBEDDED_DB = "vetric";

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties props) {
        if (props.external()) {
            return configure(new HikariDataSource(), props);
        }
        EmbeddedPostgres server = props.embeddedEphemeral() ? EphemeralServer.get() : startPersistent(props);
        EmbeddedDataSource ds = new EmbeddedDataSource(props.embeddedEphemeral() ? null : server);
        String database = props.embeddedEphemeral() ? "test_" + UUID.randomUUID().toString().replace("-", "") : EMBEDDED_DB;
        ensureDatabase(server.getPostgresDatabase(), database);
        configure(ds, props);
        ds.setJdbcUrl(server.getJdbcUrl("postgres", database));
        ds.setUsername("postgres");
        return ds;
    }

    private static HikariDataSource configure(HikariDataSource ds, DatabaseProperties props) {
        ds.setPoolName("vetric");
        ds.setMaximumPoolSize(10);
        if (props.external()) {
            ds.setJdbcUrl(props.url());
            ds.setUsername(props.username());
            ds.setPassword(props.password());
            log.info("Using external PostgreSQL at {}", redact(props.url()));
        }
        return ds;
    }

    private static EmbeddedPostgres startPersistent(DatabaseProperties props) {
        Path dir = Path.of(props.dataDir()).toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL with data in {}", dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // stopped after the DataSource, see EmbeddedDataSource
                    .setServerConfig("timezone", "UTC");
            if (props.embeddedPort() > 0) {
                builder.setPort(props.embeddedPort());
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    static void ensureDatabase(DataSource admin, String database) {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static String redact(String url) {
        return url.replaceAll("password=[^&;]*", "password=***");
    }

    /**
     * A pool on the embedded server. The server is stopped only after the pool closed, so that beans that still
     * need the database while the context shuts down (the event publication registry) find it running.
     */
    static final class EmbeddedDataSource extends HikariDataSource {
        private final EmbeddedPostgres ownServer;

        EmbeddedDataSource(EmbeddedPostgres ownServer) {
            this.ownServer = ownServer;
            EphemeralServer.OPEN_POOLS.incrementAndGet();
        }

        @Override
        public void close() {
            if (isClosed()) {
                return;
            }
            super.close();
            EphemeralServer.OPEN_POOLS.decrementAndGet();
            if (ownServer != null) {
                try {
                    ownServer.close();
                } catch (IOException e) {
                    log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.toString());
                }
            }
        }
    }

    /** A throw-away server for the test JVM; each Spring context gets its own database on it. */
    static final class EphemeralServer {
        static final java.util.concurrent.atomic.AtomicInteger OPEN_POOLS = new java.util.concurrent.atomic.AtomicInteger();
        private static EmbeddedPostgres instance;

        static synchronized EmbeddedPostgres get() {
            if (instance == null) {
                try {
                    instance = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC")
                            .setServerConfig("fsync", "off").setServerConfig("max_connections", "300")
                            .setRegisterShutdownHook(false).start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
                }
                EmbeddedPostgres server = instance;
                // at JVM exit, let the cached test contexts close their pools first (they shut down in parallel)
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
                    while (OPEN_POOLS.get() > 0 && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM is exiting
                    }
                }, "embedded-postgres-stop"));
            }
            return instance;
        }
    }
}
