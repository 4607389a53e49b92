package br.com.vetric.sync;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval  time between the starts of two polls of one connection ({@code VETRIC_POLL_INTERVAL})
 * @param enabled       whether the poller runs ({@code VETRIC_SYNC_ENABLED}); tests drive cycles by hand
 * @param keepCyclesFor how long the sync-cycle log is kept
 * @param maxConcurrentPolls how many connections are polled at the same time at most (each on a virtual thread)
 */
@Validated
@ConfigurationProperties("vetric.sync")
public record SyncProperties(
        @DefaultValue("10s") @DurationMin(seconds = 1) Duration pollInterval,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration keepCyclesFor,
        @DefaultValue("64") @Min(1) int maxConcurrentPolls) {}
