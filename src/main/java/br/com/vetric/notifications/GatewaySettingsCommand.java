package br.com.vetric.notifications;

import java.util.List;

/**
 * New WhatsApp settings. A null or blank {@code evolutionApiKey} / {@code metaAccessToken} keeps the stored
 * secret, except when its URL changes: then it must be given again. Null fields keep their value. Manager phones
 * are typed the Brazilian way and stored as E.164.
 */
public record GatewaySettingsCommand(
        WhatsAppProvider provider,
        String evolutionUrl,
        String evolutionInstance,
        String evolutionApiKey,
        String metaBaseUrl,
        String metaPhoneNumberId,
        String metaAccessToken,
        String metaLanguage,
        List<String> managerPhones) {

    @Override
    public String toString() { // never print secrets
        return "GatewaySettingsCommand[provider=" + provider + ", evolutionUrl=" + evolutionUrl + ", evolutionInstance="
                + evolutionInstance + ", metaPhoneNumberId=" + metaPhoneNumberId + "]";
    }
}
