package br.com.vetric.notifications;

/** Where a message is in the outbox. */
public enum NotificationStatus {
    /** Waiting for (another) delivery attempt. */
    PENDING,
    /** Claimed by a worker; back to pending if the lease runs out (crash mid-delivery). */
    IN_FLIGHT,
    /** The gateway accepted it (2xx). */
    SENT,
    /** Permanent failure (4xx, or retries exhausted); {@code lastReason} and {@code lastStatusCode} say why. */
    FAILED,
    /** Not sent on purpose (no phone, notifications off, template disabled, no managers). */
    SKIPPED
}
