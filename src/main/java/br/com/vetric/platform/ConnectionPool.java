package br.com.vetric.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
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
                ScopedTransactionManager.apply(c, Tenancy.Scope.orNone(Tenancy.current()), false);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
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
