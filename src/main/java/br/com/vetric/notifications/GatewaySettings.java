package br.com.vetric.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A condominium's WhatsApp settings as shown to people: secrets are never included, only whether they are
 * configured.
 */
public record GatewaySettings(
        WhatsAppProvider provider,
        String evolutionUrl,
        String evolutionInstance,
        boolean evolutionApiKeyConfigured,
        String metaBaseUrl,
        String metaPhoneNumberId,
        boolean metaAccessTokenConfigured,
        String metaLanguage,
        List<String> managerPhones,
        Instant updatedAt) {}
