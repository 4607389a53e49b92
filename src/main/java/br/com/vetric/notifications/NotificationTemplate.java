package br.com.vetric.notifications;

import java.time.Instant;

/** A condominium's text for one kind of message. */
public record NotificationTemplate(
        NotificationKind kind,
        NotificationKind.Audience audience,
        boolean enabled,
        String body,
        int delaySeconds,
        boolean delayConfigurable,
        Instant updatedAt) {}
