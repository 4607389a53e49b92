package br.com.vetric.sync;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval  time between the starts of two polls of one connection ({@code VETRIC_POLL_INTERVAL})
 * @param enabled       whether the poller runs ({@code VETRIC_SYNC_ENABLED}); tests drive cycles by hand
 * @param keepCyclesFor how long the sync-cycle log is kept
 * @param maxConcurrentPolls how many connections are polled at the same time at most (each on a virtual thread)
 * @param leaseDuration how long an instance's poll lease of a connection lasts without renewal
 *     ({@code VETRIC_POLL_LEASE}): after it, another instance takes the connection over. Unset: 2.5 × the poll
 *     interval, at least 15 s (25 s at the default interval, so a dead instance's connections move within 30 s)
 */
@Validated
@ConfigurationProperties("vetric.sync")
public record SyncProperties(
        @DefaultValue("10s") @DurationMin(seconds = 1) Duration pollInterval,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration keepCyclesFor,
        @DefaultValue("64") @Min(1) int maxConcurrentPolls,
        @Nullable @DurationMin(seconds = 1) Duration leaseDuration) {

    /** The lease: {@link #leaseDuration} when set, else 2.5 × the poll interval and at least 15 s. */
    public Duration lease() {
        if (leaseDuration != null) {
            return leaseDuration;
        }
        Duration derived = pollInterval.multipliedBy(5).dividedBy(2);
        return derived.compareTo(Duration.ofSeconds(15)) < 0 ? Duration.ofSeconds(15) : derived;
    }
}
