package br.com.vetric.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completed event publications stay for a while (what was delivered to which listener, for diagnosis) and are
 * deleted after {@code vetric.events.keep-completed-for}, every night, by one instance.
 */
@Component
class EventPublicationHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationHousekeeping.class);

    private final CompletedEventPublications completed;
    private final Duration keep;
    private final ScheduledJobs jobs;

    EventPublicationHousekeeping(CompletedEventPublications completed, EventsProperties props, ScheduledJobs jobs) {
        this.completed = completed;
        this.jobs = jobs;
        this.keep = props.keepCompletedFor();
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "America/Sao_Paulo")
    void nightly() {
        jobs.once("event-publication-purge", Duration.ofMinutes(5), Duration.ofMinutes(30), this::purge);
    }

    void purge() {
        completed.deletePublicationsOlderThan(keep);
        log.info("Deleted completed event publications older than {}", keep);
    }
}
