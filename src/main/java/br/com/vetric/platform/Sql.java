package br.com.vetric.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * JDBC value conversions every repository needs: instants as timestamptz, and SQL NULL kept as Java null (read a
 * nullable number with {@link #longOrNull}, never with getLong + a later wasNull()).
 */
public final class Sql {

    private Sql() {}

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    /**
     * Instants as text for one array parameter of a set-based statement ({@code cast(:x as timestamptz[])} with
     * {@code unnest}): a poll's thousand changes are one statement, not a thousand.
     */
    public static String[] instants(java.util.stream.Stream<Instant> values) {
        return values.map(i -> i == null ? null : i.toString()).toArray(String[]::new);
    }

    public static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
