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
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("vetric");
        ds.setMaximumPoolSize(10);
        if (props.external()) {
            ds.setJdbcUrl(props.url());
            ds.setUsername(props.username());
            ds.setPassword(props.password());
            log.info("Using external PostgreSQL at {}", redact(props.url()));
            return ds;
        }
        EmbeddedPostgres server = props.embeddedEphemeral() ? EphemeralServer.get() : startPersistent(props);
        String database = props.embeddedEphemeral() ? "test_" + UUID.randomUUID().toString().replace("-", "") : EMBEDDED_DB;
        ensureDatabase(server.getPostgresDatabase(), database);
        ds.setJdbcUrl(server.getJdbcUrl("postgres", database));
        ds.setUsername("postgres");
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

    /** A throw-away server for the test JVM; each Spring context gets its own database on it. */
    static final class EphemeralServer {
        private static EmbeddedPostgres instance;

        static synchronized EmbeddedPostgres get() {
            if (instance == null) {
                try {
                    instance = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC")
                            .setServerConfig("fsync", "off").setServerConfig("max_connections", "300").start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
                }
            }
            return instance;
        }
    }
}
