package br.com.vetric.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completed event publications stay for a while (what was delivered to which listener, for diagnosis) and are
 * deleted after {@code vetric.events.keep-completed-for}, every night.
 */
@Component
class EventPublicationHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationHousekeeping.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    EventPublicationHousekeeping(CompletedEventPublications completed, EventsProperties props) {
        this.completed = completed;
        this.keep = props.keepCompletedFor();
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "America/Sao_Paulo")
    void purge() {
        completed.deletePublicationsOlderThan(keep);
        log.info("Deleted completed event publications older than {}", keep);
    }
}
