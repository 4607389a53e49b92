package br.com.vetric.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param stuckAfter an open session older than this is re-checked and flagged ({@code VETRIC_SESSION_STUCK_AFTER})
 * @param liveGap    VETRIC watches a session live when it polls at least this often; after a longer gap (an outage,
 *                   a restart) the sessions open across it have their energy spread over their duration instead of
 *                   their observed charging intervals
 */
@Validated
@ConfigurationProperties("vetric.sessions")
public record SessionProperties(
        @DefaultValue("12h") Duration stuckAfter,
        @DefaultValue("5m") Duration liveGap) {}
