package br.com.vetric.sync;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval  time between the end of one cycle and the start of the next ({@code VETRIC_POLL_INTERVAL})
 * @param enabled       whether the poller runs ({@code VETRIC_SYNC_ENABLED}); tests drive cycles by hand
 * @param keepCyclesFor how long the sync-cycle log is kept
 */
@Validated
@ConfigurationProperties("vetric.sync")
public record SyncProperties(
        @DefaultValue("10s") @DurationMin(seconds = 1) Duration pollInterval,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration keepCyclesFor) {}
