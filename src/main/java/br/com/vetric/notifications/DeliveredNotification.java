package br.com.vetric.notifications;

import java.time.Instant;

/**
 * One message of the delivery log. The phone is masked; the full number never leaves the module. A failed
 * attempt is told by {@code lastReason} and the gateway's {@code lastStatusCode} (null without an HTTP answer);
 * {@code lastError} says why a message was SKIPPED.
 */
public record DeliveredNotification(
        long id,
        NotificationKind kind,
        NotificationStatus status,
        String recipient,
        String phoneMasked,
        Long residentId,
        String residentName,
        String chargerName,
        Long sessionId,
        String body,
        int attempts,
        String lastError,
        Integer lastStatusCode,
        DeliveryFailure lastReason,
        String provider,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt) {}
