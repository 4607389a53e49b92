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
}
