package br.com.vetric.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** For tests outside this package: databases on the test JVM's throw-away PostgreSQL. */
public final class TestDatabases {

    private TestDatabases() {}

    /** The JDBC URL of a new, empty database, to be used as the passwordless superuser {@code postgres}. */
    public static String newDatabaseUrl() {
        DatabaseConfiguration.Database database = DatabaseConfiguration.EphemeralServer.newDatabase();
        database.close(); // no pool of ours to wait for at JVM exit; the database itself stays
        return database.migration().url();
    }

    /**
     * The schema owner on the database of a test context, for clean-ups the application role may not do (it reads
     * and writes rows but cannot TRUNCATE, as in production).
     */
    public static JdbcClient owner(DataSource contextDataSource) {
        String url = ((HikariDataSource) contextDataSource).getJdbcUrl();
        return JdbcClient.create(new DriverManagerDataSource(url, EmbeddedServer.SUPERUSER, ""));
    }

    /**
     * Migrates the database at {@code url} as the previous version left it: every migration before {@code version}
     * (the Java ones the application finds as beans included), none from it on. Returns the version it stops at.
     */
    public static org.flywaydb.core.api.MigrationVersion migrateToJustBefore(String url, String version) {
        org.flywaydb.core.api.migration.JavaMigration[] beans = javaMigrations();
        org.flywaydb.core.api.MigrationVersion before = java.util.Arrays.stream(org.flywaydb.core.Flyway.configure()
                        .dataSource(url, EmbeddedServer.SUPERUSER, null)
                        .javaMigrations(beans)
                        .load()
                        .info()
                        .all())
                .map(org.flywaydb.core.api.MigrationInfo::getVersion)
                .filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(version)) < 0)
                .max(java.util.Comparator.naturalOrder())
                .orElseThrow();
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, EmbeddedServer.SUPERUSER, null)
                .javaMigrations(beans)
                .target(before)
                .load()
                .migrate();
        return before;
    }

    /** The Java migrations the application finds as beans (package-private in their modules). */
    public static org.flywaydb.core.api.migration.JavaMigration[] javaMigrations() {
        try {
            var c = Class.forName("br.com.vetric.residents.internal.V76__Normalise_resident_units")
                    .getDeclaredConstructor();
            c.setAccessible(true);
            return new org.flywaydb.core.api.migration.JavaMigration[] {
                (org.flywaydb.core.api.migration.JavaMigration) c.newInstance()
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
