package br.com.vetric.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signals between the VETRIC instances that share one PostgreSQL ({@code LISTEN/NOTIFY}): a short text saying what
 * changed (never the data itself, which each instance reads again). {@link #publish} runs this instance's handlers at
 * once and sends a {@code NOTIFY} through the pool, which PostgreSQL delivers to the other instances when the
 * sender's transaction commits (at once outside a transaction). Each instance listens on one dedicated connection
 * of its own, outside the pool, reconnecting with back-off after a database restart; a signal sent while an
 * instance was disconnected is lost for it (the next one brings it up to date). An instance ignores its own signals
 * when they come back.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final char SEPARATOR = '|';
    /** The listening connection's name in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "vetric-signals";

    private static final int WAIT_MS = 500;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final DatabaseConfiguration.Database database;
    private final JdbcClient jdbc;
    private final String origin = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean connected;
    private final AtomicLong epoch = new AtomicLong();
    private volatile Connection listening;
    private Thread thread;

    DatabaseNotifications(DatabaseConfiguration.Database database, JdbcClient jdbc) {
        this.database = database;
        this.jdbc = jdbc;
    }

    /**
     * Calls {@code handler} with the payload of every signal on {@code channel}, from this instance or another. The
     * handler runs on the listening thread (or the publisher's): it must hand long work to its own executor.
     */
    public void subscribe(String channel, Consumer<String> handler) {
        checkChannel(channel);
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        Connection c = listening;
        if (c != null) {
            try (Statement st = c.createStatement()) {
                st.execute("listen " + channel);
            } catch (SQLException e) {
                log.debug("Could not listen on {} now; the next connection will: {}", channel, e.toString());
            }
        }
    }

    /** Tells every instance (this one at once) that {@code payload} happened; sent when the transaction commits. */
    public void publish(String channel, String payload) {
        checkChannel(channel);
        dispatch(channel, payload);
        try {
            jdbc.sql("select pg_notify(:channel, :payload)")
                    .param("channel", channel)
                    .param("payload", origin + SEPARATOR + payload)
                    .query()
                    .singleRow();
        } catch (RuntimeException e) {
            log.warn("Could not signal {} to the other instances: {}", channel, e.toString());
        }
    }

    /**
     * Which connection of the listener is up: a number that changes at every (re)connection, -1 while it is down.
     * Signals sent while it was down are lost for this instance, so what is kept in memory on the strength of the
     * signals is good only while this number stays the same.
     */
    public long listeningEpoch() {
        return connected ? epoch.get() : -1;
    }

    /** Whether the listening connection is up (tests, health). */
    public boolean listening() {
        return connected;
    }

    private void dispatch(String channel, String payload) {
        for (Consumer<String> h : handlers.getOrDefault(channel, List.of())) {
            try {
                h.accept(payload);
            } catch (RuntimeException e) {
                log.warn("A handler of {} failed: {}", channel, e.toString());
            }
        }
    }

    private void listenLoop() {
        long backoffMs = 250;
        while (running) {
            try (Connection c = database.app().connect()) {
                c.setClientInfo("ApplicationName", APPLICATION_NAME); // shows in pg_stat_activity
                try (Statement st = c.createStatement()) {
                    for (String channel : handlers.keySet()) {
                        st.execute("listen " + channel);
                    }
                }
                listening = c;
                epoch.incrementAndGet();
                connected = true;
                backoffMs = 250;
                log.info("Listening for other instances' signals on {}", handlers.keySet());
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn(
                            "The connection that listens for other instances' signals is down ({}); retrying in {} ms",
                            e.toString(),
                            backoffMs);
                }
            } finally {
                listening = null;
                connected = false;
            }
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
        }
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (running) {
            PGNotification[] received = pg.getNotifications(WAIT_MS);
            if (received != null) {
                for (PGNotification n : received) {
                    String raw = n.getParameter();
                    int cut = raw.indexOf(SEPARATOR);
                    if (cut < 0 || !raw.substring(0, cut).equals(origin)) {
                        dispatch(n.getName(), cut < 0 ? raw : raw.substring(cut + 1));
                    }
                }
            }
            if (System.nanoTime() - lastCheck > CHECK_EVERY.toNanos()) {
                // a connection cut without a word (a restarted server behind a proxy) shows up here
                if (!c.isValid(2)) {
                    throw new SQLException("listening connection no longer valid");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private static void checkChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listenLoop, "db-signals");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
