package br.com.vetric.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The role VETRIC runs as: it reads and writes every table of the schema but owns none of them and cannot change
 * the schema, so the owner's row-level security policies apply to it. Flyway runs as the owner, whose default
 * privileges give the role the tables that later migrations create.
 */
final class ApplicationRole {

    /** The application role on the embedded PostgreSQL. */
    static final String EMBEDDED = "vetric_app";

    private ApplicationRole() {}

    /** Creates (or corrects) the role; cluster-wide, so a superuser's connection. {@code password} null = none. */
    static void ensure(Connection superuser, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement ps = superuser.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement st = superuser.createStatement()) {
            st.execute((exists ? "alter role " : "create role ") + quote(role)
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
        }
        if (password != null) {
            // hashed (SCRAM) by the driver: the password itself never reaches the server nor its log
            superuser.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
        }
    }

    /**
     * Run as the owner of the schema's objects (the user Flyway runs as), connected to the application's database:
     * read and write on every table and sequence there and on those it creates later.
     */
    static void grant(Connection owner, String role) throws SQLException {
        String r = quote(role);
        try (Statement st = owner.createStatement()) {
            st.execute("grant select, insert, update, delete on all tables in schema public to " + r);
            st.execute("grant usage, select, update on all sequences in schema public to " + r);
            st.execute(
                    "alter default privileges in schema public grant select, insert, update, delete on tables to " + r);
            st.execute("alter default privileges in schema public grant usage, select, update on sequences to " + r);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
