package br.com.vetric.platform;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each scheduled job once across the instances that share one database (ShedLock, a row per job in
 * {@code shedlock}, times from the database's clock): an instance whose turn comes while another runs the job, or
 * within {@code atLeastFor} of its last start, skips it. Every instance keeps its schedule, so the job goes on when
 * one of them dies ({@code atMostFor} later at worst, when the dead one's lock expires).
 */
@Component
public class ScheduledJobs {

    private final LockingTaskExecutor executor;

    ScheduledJobs(DataSource dataSource) {
        this.executor = new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .withLockedByValue(Instance.NAME)
                        .build()));
    }

    /**
     * Runs {@code job} here unless another instance holds its lock.
     *
     * @param name       the job's lock (one row, at most 64 characters)
     * @param atLeastFor the lock outlives a quick run by this much: the other instances' turns within it are skipped
     * @param atMostFor  the lock of an instance that died while running the job expires after this
     */
    public void once(String name, Duration atLeastFor, Duration atMostFor, Runnable job) {
        executor.executeWithLock(job, new LockConfiguration(Instant.now(), name, atMostFor, atLeastFor));
    }
}
