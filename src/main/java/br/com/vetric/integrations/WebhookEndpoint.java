package br.com.vetric.integrations;

import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A condominium's webhook endpoint as it is listed: never its secret. {@code failingSince}: the first failed attempt
 * since the last success; {@code disabledReason}: why VETRIC disabled it (410, or failing for days), shown on the page.
 */
public record WebhookEndpoint(
        long id,
        CondominiumId condominiumId,
        String url,
        @Nullable String description,
        List<String> events,
        boolean active,
        @Nullable Instant previousSecretUntil,
        @Nullable Instant failingSince,
        @Nullable String disabledReason,
        Instant createdAt) {

    public WebhookEndpoint {
        events = List.copyOf(events);
    }
}
