package br.com.vetric.chargers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param offlineAfter              a charger whose last heartbeat is older than this is offline
 *                                  ({@code VETRIC_CHARGER_OFFLINE_AFTER})
 * @param heartbeatWriteGranularity a newer heartbeat alone is written at most this often per charger (keeps
 *                                  writes proportional to real changes)
 * @param statusHistoryRetention    status history older than this is deleted every night, except each connector's
 *                                  latest change ({@code VETRIC_STATUS_HISTORY_RETENTION}, default 400 days)
 */
@ConfigurationProperties("vetric.chargers")
public record ChargerProperties(Duration offlineAfter, Duration heartbeatWriteGranularity,
                                Duration statusHistoryRetention) {

    public ChargerProperties {
        offlineAfter = offlineAfter == null ? Duration.ofMinutes(5) : offlineAfter;
        heartbeatWriteGranularity = heartbeatWriteGranularity == null ? Duration.ofSeconds(60) : heartbeatWriteGranularity;
        statusHistoryRetention = statusHistoryRetention == null ? Duration.ofDays(400) : statusHistoryRetention;
        if (statusHistoryRetention.compareTo(Duration.ofDays(8)) < 0) {
            throw new IllegalArgumentException("vetric.chargers.status-history-retention must be at least 8 days "
                    + "(the charger page shows 7), was " + statusHistoryRetention);
        }
    }
}
