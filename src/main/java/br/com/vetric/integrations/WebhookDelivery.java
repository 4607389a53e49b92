package br.com.vetric.integrations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of one event to one endpoint: the outbox row and its log. {@code messageId} is the {@code webhook-id}
 * header, the same on every attempt and replay; {@code body} is kept 7 days.
 */
public record WebhookDelivery(
        long id,
        long endpointId,
        String messageId,
        String eventType,
        String status,
        int attempts,
        @Nullable Integer responseCode,
        @Nullable Integer durationMs,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant deliveredAt,
        @Nullable String body) {}
