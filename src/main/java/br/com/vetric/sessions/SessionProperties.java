package br.com.vetric.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param stuckAfter an open session older than this is re-checked and flagged ({@code VETRIC_SESSION_STUCK_AFTER}) */
@ConfigurationProperties("vetric.sessions")
public record SessionProperties(Duration stuckAfter) {

    public SessionProperties {
        stuckAfter = stuckAfter == null ? Duration.ofHours(12) : stuckAfter;
    }
}
