package br.com.vetric.chargers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param offlineAfter              a charger whose last heartbeat is older than this is offline
 *                                  ({@code VETRIC_CHARGER_OFFLINE_AFTER})
 * @param heartbeatWriteGranularity a newer heartbeat alone is written at most this often per charger (keeps
 *                                  writes proportional to real changes)
 */
@ConfigurationProperties("vetric.chargers")
public record ChargerProperties(Duration offlineAfter, Duration heartbeatWriteGranularity) {

    public ChargerProperties {
        offlineAfter = offlineAfter == null ? Duration.ofMinutes(5) : offlineAfter;
        heartbeatWriteGranularity = heartbeatWriteGranularity == null ? Duration.ofSeconds(60) : heartbeatWriteGranularity;
    }
}
