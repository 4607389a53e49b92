package br.com.vetric.notifications;

import java.time.Instant;

/** One message of the delivery log. The phone is masked; the full number never leaves the module. */
public record DeliveredNotification(long id, NotificationKind kind, NotificationStatus status, String recipient,
                                    String phoneMasked, Long residentId, String residentName, String chargerName,
                                    Long sessionId, String body, int attempts, String lastError, String provider,
                                    Instant createdAt, Instant sentAt, Instant nextAttemptAt) {
}
