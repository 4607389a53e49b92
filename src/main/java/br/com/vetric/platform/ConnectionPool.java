package br.com.vetric.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The connection pool. A connection taken for work outside a transaction (a statement in auto-commit) gets the
 * thread's {@link Tenancy} scope as session settings as it leaves the pool, overwriting whatever the previous user
 * left; a transaction's connection gets it transaction-locally from {@link ScopedTransactionManager} instead. So every
 * use of a connection starts by setting the scope, and none inherits another's.
 *
 * <p>An HTTP request waits at most {@code requestTimeout} for a connection, so that a database
 * outage gives a 503 or the friendly error page within seconds; background work (the poller, event listeners,
 * schedulers) waits the pool's {@code connectionTimeout}, so that a burst of it queues instead of failing.
 */
final class ConnectionPool extends HikariDataSource {

    /** Set while a transaction takes its connection: its scope is set transaction-locally right after. */
    private static final ThreadLocal<Boolean> BEGINNING = new ThreadLocal<>();

    /** The scope each physical connection holds as session settings (weak: a closed connection is forgotten). */
    private static final Map<Object, Tenancy.Scope> SESSION_SCOPES = Collections.synchronizedMap(new WeakHashMap<>());

    private final long requestTimeoutMs;

    ConnectionPool(HikariConfig config, Duration requestTimeout) {
        super(config);
        this.requestTimeoutMs = Math.max(250, requestTimeout.toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = RequestContextHolder.getRequestAttributes() != null
                        && !isClosed()
                        && getHikariPoolMXBean() instanceof HikariPool pool
                ? pool.getConnection(requestTimeoutMs)
                : super.getConnection();
        if (BEGINNING.get() == null) {
            try {
                Tenancy.Scope scope = Tenancy.Scope.orNone(Tenancy.current());
                Object physical = physical(c);
                if (!scope.equals(SESSION_SCOPES.get(physical))) {
                    SESSION_SCOPES.remove(physical);
                    ScopedTransactionManager.apply(c, scope, false);
                    SESSION_SCOPES.put(physical, scope);
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /**
     * Whether this connection already holds {@code scope} as its session settings, so a transaction on it needs no
     * transaction-local setting.
     */
    static boolean holds(Connection c, Tenancy.Scope scope) throws SQLException {
        return scope.equals(SESSION_SCOPES.get(physical(c)));
    }

    /** The driver's connection under the pool's proxy: the one that keeps session settings. */
    private static Object physical(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class) : c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool logs in as the application role only");
    }

    /** Runs a transaction's start: the connection it takes gets its scope from the transaction manager. */
    static void beginning(Runnable begin) {
        BEGINNING.set(Boolean.TRUE);
        try {
            begin.run();
        } finally {
            BEGINNING.remove();
        }
    }
}
