package br.com.vetric.chargers.internal;

import br.com.vetric.chargers.ChargerProperties;
import br.com.vetric.platform.ScheduledJobs;
import br.com.vetric.platform.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night deletes status history older than {@code vetric.chargers.status-history-retention} (default 400 days),
 * in batches, each its own short statement, on one instance. Idempotent: a second run, or one on another instance, finds nothing left.
 */
@Component
class StatusHistoryPruner {

    private static final Logger log = LoggerFactory.getLogger(StatusHistoryPruner.class);
    static final int BATCH = 10_000;

    private final ChargerRepository repository;
    private final ChargerProperties props;
    private final Clock clock;
    private final ScheduledJobs jobs;

    StatusHistoryPruner(ChargerRepository repository, ChargerProperties props, Clock clock, ScheduledJobs jobs) {
        this.repository = repository;
        this.jobs = jobs;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(cron = "0 15 4 * * *", zone = "America/Sao_Paulo")
    void nightly() {
        jobs.once(
                "status-history-prune",
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                () -> Tenancy.acrossAll("status history of every condominium ages out", this::prune));
    }

    /** Deletes what is older than the retention; returns how many rows went. */
    long prune() {
        Instant cutoff = clock.instant().minus(props.statusHistoryRetention());
        long total = 0;
        int deleted;
        do {
            deleted = repository.pruneHistory(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} charger status history rows observed before {}", total, cutoff);
        }
        return total;
    }
}
