package br.com.vetric.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval  time between the end of one cycle and the start of the next ({@code VETRIC_POLL_INTERVAL})
 * @param enabled       whether the poller runs ({@code VETRIC_SYNC_ENABLED}); tests drive cycles by hand
 * @param keepCyclesFor how long the sync-cycle log is kept
 */
@ConfigurationProperties("vetric.sync")
public record SyncProperties(Duration pollInterval, Boolean enabled, Duration keepCyclesFor) {

    public SyncProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        enabled = enabled == null || enabled;
        keepCyclesFor = keepCyclesFor == null ? Duration.ofDays(7) : keepCyclesFor;
    }
}
