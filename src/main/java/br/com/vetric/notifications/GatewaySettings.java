package br.com.vetric.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A condominium's WhatsApp settings as shown to people: secrets are never included, only whether they are
 * configured. {@code refusedManagerPhones}: in the answer to an update, the manager phones that were typed but are not
 * valid Brazilian numbers, as typed (the valid ones were kept); empty otherwise.
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
        Instant updatedAt,
        List<String> refusedManagerPhones) {

    public GatewaySettings {
        refusedManagerPhones = List.copyOf(refusedManagerPhones);
    }

    /** The same settings, answering an update that refused these phones. */
    public GatewaySettings refusing(List<String> phones) {
        return new GatewaySettings(
                provider,
                evolutionUrl,
                evolutionInstance,
                evolutionApiKeyConfigured,
                metaBaseUrl,
                metaPhoneNumberId,
                metaAccessTokenConfigured,
                metaLanguage,
                managerPhones,
                updatedAt,
                phones);
    }
}
