package br.com.vetric.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The connection pool. An HTTP request waits at most {@code requestTimeout} for a connection, so that a database
 * outage gives a 503 or the friendly error page within seconds; background work (the poller, event listeners,
 * schedulers) waits the pool's {@code connectionTimeout}, so that a burst of it queues instead of failing.
 */
final class ConnectionPool extends HikariDataSource {

    private final long requestTimeoutMs;

    ConnectionPool(HikariConfig config, Duration requestTimeout) {
        super(config);
        this.requestTimeoutMs = Math.max(250, requestTimeout.toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (RequestContextHolder.getRequestAttributes() != null
                && !isClosed()
                && getHikariPoolMXBean() instanceof HikariPool pool) {
            return pool.getConnection(requestTimeoutMs);
        }
        return super.getConnection();
    }
}
