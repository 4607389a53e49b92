package br.com.vetric.chargers;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param offlineAfter              a charger whose last heartbeat is older than this is offline
 *                                  ({@code VETRIC_CHARGER_OFFLINE_AFTER})
 * @param heartbeatWriteGranularity a newer heartbeat alone is written at most this often per charger (keeps
 *                                  writes proportional to real changes)
 * @param statusHistoryRetention    status history older than this is deleted every night, except each connector's
 *                                  latest change ({@code VETRIC_STATUS_HISTORY_RETENTION}, default 400 days)
 */
@Validated
@ConfigurationProperties("vetric.chargers")
public record ChargerProperties(
        @DefaultValue("5m") Duration offlineAfter,
        @DefaultValue("60s") Duration heartbeatWriteGranularity,
        @DefaultValue("400d") @DurationMin(days = 8) Duration statusHistoryRetention) {}
