package br.com.vetric.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The database: the external PostgreSQL named by {@code VETRIC_DB_URL}, or an embedded PostgreSQL. The application
 * pool logs in as a role that owns nothing (on the embedded server {@code vetric_app}); Flyway migrates as the
 * owner.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Closed after the pool (the pool depends on it), so the embedded server stops last. */
    @Bean(destroyMethod = "close")
    Database database(DatabaseProperties props, Environment env) {
        if (props.external()) {
            return external(props);
        }
        if (props.embeddedEphemeral()) {
            return EphemeralServer.newDatabase();
        }
        boolean demo = env.getProperty("vetric.cpms.url", "").isBlank();
        EmbeddedServer server = EmbeddedServer.start(props, demo);
        return new Database(server.app(), server.superuser(), server::close);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Database database, DatabaseProperties props) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("vetric");
        config.setMaximumPoolSize(10);
        config.setValidationTimeout(1000); // a dead connection is found out within a second
        config.setJdbcUrl(database.app().url());
        config.setUsername(database.app().username());
        config.setPassword(database.app().password());
        return new ConnectionPool(config, props.requestConnectionTimeout());
    }

    /** Begins every transaction with the thread's {@link Tenancy} scope (the key of the row-level security). */
    @Bean
    JdbcTransactionManager transactionManager(
            DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        ScopedTransactionManager manager = new ScopedTransactionManager(dataSource);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }

    @Bean
    FlywayConfigurationCustomizer migrationLogin(Database database) {
        return flyway -> {
            // its own connection, never the pool's: row-level security is forced (on the owner too), so a data
            // migration acts on every condominium, a setting no pooled connection may keep
            DatabaseLogin owner = database.migration();
            flyway.dataSource(owner.url(), owner.username(), owner.password());
            flyway.initSql("select set_config('" + Tenancy.ALL_SETTING + "', 'all', false)");
        };
    }

    private static Database external(DatabaseProperties props) {
        DatabaseLogin app = new DatabaseLogin(props.url(), props.username(), props.password());
        log.info("Using external PostgreSQL at {}", DatabaseProperties.redact(props.url()));
        if (!props.separateMigrationUser()) {
            return new Database(app, app, () -> {});
        }
        DatabaseLogin owner = new DatabaseLogin(props.url(), props.migrationUsername(), props.migrationPassword());
        try (Connection c = owner.connect()) {
            ApplicationRole.grant(c, props.username());
        } catch (SQLException e) {
            throw new StartRefusedException(
                    "The migration user " + props.migrationUsername() + " could not give "
                            + props.username() + " access to the tables of " + DatabaseProperties.redact(props.url())
                            + ": "
                            + e.getMessage(),
                    "Make " + props.migrationUsername() + " the owner of the schema's tables (it runs the migrations), "
                            + "or leave VETRIC_DB_MIGRATION_USERNAME empty to run everything as " + props.username()
                            + ".",
                    e);
        }
        log.info("The application runs as {}, the migrations as {}", props.username(), props.migrationUsername());
        return new Database(app, owner, () -> {});
    }

    /** Logins to use and what to stop when the context closes. */
    record Database(DatabaseLogin app, DatabaseLogin migration, Runnable onClose) implements AutoCloseable {
        @Override
        public void close() {
            onClose.run();
        }
    }

    /**
     * A throw-away server for the test JVM (fsync off: tests only); each Spring context gets its own database on
     * it, migrated by the superuser and used by the same non-owner role as in production.
     */
    static final class EphemeralServer {
        static final AtomicInteger OPEN_DATABASES = new AtomicInteger();
        private static EmbeddedPostgres instance;

        static synchronized Database newDatabase() {
            EmbeddedPostgres server = get();
            String name = "test_" + UUID.randomUUID().toString().replace("-", "");
            String base = "jdbc:postgresql://localhost:" + server.getPort() + "/";
            DatabaseLogin superuser = new DatabaseLogin(base + name, EmbeddedServer.SUPERUSER, null);
            try (Connection c = superuser.onDatabase("postgres").connect()) {
                EmbeddedServer.createDatabase(c, name);
                ApplicationRole.ensure(c, ApplicationRole.EMBEDDED, null);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + name, e);
            }
            try (Connection c = superuser.connect()) {
                ApplicationRole.grant(c, ApplicationRole.EMBEDDED);
            } catch (SQLException e) {
                throw new IllegalStateException("could not grant on test database " + name, e);
            }
            OPEN_DATABASES.incrementAndGet();
            return new Database(
                    new DatabaseLogin(base + name, ApplicationRole.EMBEDDED, null),
                    superuser,
                    OPEN_DATABASES::decrementAndGet);
        }

        private static EmbeddedPostgres get() {
            if (instance == null) {
                try {
                    instance = EmbeddedPostgres.builder()
                            .setServerConfig("timezone", "UTC")
                            .setServerConfig("fsync", "off")
                            .setServerConfig("max_connections", "300")
                            .setRegisterShutdownHook(false)
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
                }
                EmbeddedPostgres server = instance;
                // at JVM exit, let the cached test contexts close their pools first (they shut down in parallel)
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                                    while (OPEN_DATABASES.get() > 0 && System.nanoTime() < deadline) {
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
                                },
                                "embedded-postgres-stop"));
            }
            return instance;
        }
    }
}
