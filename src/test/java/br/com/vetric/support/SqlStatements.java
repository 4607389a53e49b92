package br.com.vetric.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The SQL statements the current thread runs through Spring's JDBC during a piece of work (from JdbcTemplate's
 * debug log), to check a query pattern: paged, bounded, no count.
 */
public final class SqlStatements {

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private SqlStatements() {}

    /** The statements run by this thread during {@code work} that contain {@code fragment} (e.g. a table name). */
    public static List<String> during(String fragment, Work work) throws Exception {
        Logger sql = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        Level before = sql.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        sql.addAppender(events);
        sql.setLevel(Level.DEBUG);
        try {
            work.run();
        } finally {
            sql.setLevel(before);
            sql.detachAppender(events);
        }
        String me = Thread.currentThread().getName();
        return events.list.stream()
                .filter(e -> e.getThreadName().equals(me))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(fragment))
                .toList();
    }
}
