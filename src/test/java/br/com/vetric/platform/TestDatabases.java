package br.com.vetric.platform;

/** For tests outside this package: a fresh, empty database on the test JVM's throw-away PostgreSQL. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The JDBC URL of a new database, to be used as the passwordless superuser {@code postgres}. */
    public static String newDatabaseUrl() {
        return DatabaseConfiguration.EphemeralServer.newDatabase().migration().url();
    }
}
