package br.com.vetric.notifications;

import java.time.Instant;

/** Delivery log filters; nulls mean "any". {@code from} inclusive, {@code to} exclusive (creation time). */
public record NotificationFilter(NotificationKind kind, NotificationStatus status, Instant from, Instant to) {

    public static NotificationFilter any() {
        return new NotificationFilter(null, null, null, null);
    }
}
