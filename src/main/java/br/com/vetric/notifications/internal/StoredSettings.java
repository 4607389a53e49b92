package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.GatewaySettings;
import br.com.vetric.notifications.WhatsAppProvider;
import java.time.Instant;
import java.util.List;

/** Gateway settings with their secrets: never leaves the module, never logged. */
public record StoredSettings(
        WhatsAppProvider provider,
        String evolutionUrl,
        String evolutionInstance,
        String evolutionApiKey,
        String metaBaseUrl,
        String metaPhoneNumberId,
        String metaAccessToken,
        String metaLanguage,
        List<String> managerPhones,
        Instant updatedAt) {

    public GatewaySettings view() {
        return new GatewaySettings(
                provider,
                evolutionUrl,
                evolutionInstance,
                evolutionApiKey != null && !evolutionApiKey.isBlank(),
                metaBaseUrl,
                metaPhoneNumberId,
                metaAccessToken != null && !metaAccessToken.isBlank(),
                metaLanguage,
                managerPhones,
                updatedAt,
                List.of());
    }

    @Override
    public String toString() {
        return "StoredSettings[provider=" + provider + ", evolutionUrl=" + evolutionUrl + "]";
    }
}
