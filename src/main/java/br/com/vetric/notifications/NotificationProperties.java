package br.com.vetric.notifications;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification settings. The WhatsApp fields only seed a condominium's gateway settings the first time (they
 * are then edited in the web app and kept in the database).
 *
 * @param schedulerEnabled  whether due checks and deliveries run on their own ({@code VETRIC_NOTIFICATIONS_SCHEDULER_ENABLED})
 * @param tick              time between two scheduler runs ({@code VETRIC_NOTIFICATIONS_TICK})
 * @param maxAttempts       delivery attempts before a message is FAILED ({@code VETRIC_NOTIFICATIONS_MAX_ATTEMPTS})
 * @param initialBackoff    wait after the first failed attempt, doubled each time
 * @param maxBackoff        longest wait between two attempts
 * @param lease             how long a claimed (IN_FLIGHT) message is reserved before it is retried
 * @param batchSize         messages claimed at a time
 * @param httpTimeout       connect and request timeout towards the gateway
 * @param provider          initial provider: log, evolution or meta ({@code VETRIC_WHATSAPP_PROVIDER})
 * @param evolutionUrl      initial Evolution API base URL ({@code VETRIC_EVOLUTION_URL})
 * @param evolutionApiKey   initial Evolution API key ({@code VETRIC_EVOLUTION_API_KEY})
 * @param evolutionInstance initial Evolution instance ({@code VETRIC_EVOLUTION_INSTANCE})
 * @param metaBaseUrl       Meta Graph API base URL ({@code VETRIC_META_BASE_URL}, default https://graph.facebook.com/v20.0)
 * @param metaPhoneNumberId initial Meta phone number id ({@code VETRIC_META_PHONE_NUMBER_ID})
 * @param metaAccessToken   initial Meta access token ({@code VETRIC_META_ACCESS_TOKEN})
 * @param metaLanguage      language of the approved Meta templates ({@code VETRIC_META_LANGUAGE}, default pt_BR)
 * @param managerPhones     initial manager phones, comma separated ({@code VETRIC_MANAGER_PHONES})
 * @param staleStartAfter   a "carregamento iniciado" notice due longer ago than this (VETRIC was stopped, CVE-PRO or
 *                          the network was down) is not sent but logged as skipped
 *                          ({@code VETRIC_NOTIFICATIONS_STALE_START_AFTER})
 */
@Validated
@ConfigurationProperties("vetric.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("10s") @DurationMin(millis = 100) Duration tick,
        @DefaultValue("6") @Min(1) int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("30m") Duration maxBackoff,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("20") @Min(1) int batchSize,
        @DefaultValue("15s") Duration httpTimeout,
        @DefaultValue("log") @NotBlank String provider,
        String evolutionUrl,
        String evolutionApiKey,
        String evolutionInstance,
        @DefaultValue(DEFAULT_META_BASE_URL) @NotBlank String metaBaseUrl,
        String metaPhoneNumberId,
        String metaAccessToken,
        @DefaultValue("pt_BR") @NotBlank String metaLanguage,
        @DefaultValue List<String> managerPhones,
        @DefaultValue("15m") @DurationMin(minutes = 1) Duration staleStartAfter) {

    public static final String DEFAULT_META_BASE_URL = "https://graph.facebook.com/v20.0";

    public NotificationProperties {
        provider = provider.strip();
        metaBaseUrl = metaBaseUrl.strip();
        metaLanguage = metaLanguage.strip();
        managerPhones = managerPhones.stream()
                .filter(p -> p != null && !p.isBlank())
                .map(String::strip)
                .toList();
    }

    /** The initial provider, failing loudly on an unknown name. */
    public WhatsAppProvider initialProvider() {
        try {
            return WhatsAppProvider.valueOf(provider.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "VETRIC_WHATSAPP_PROVIDER must be log, evolution or meta, not '" + provider + "'");
        }
    }

    @Override
    public String toString() { // never print secrets
        return "NotificationProperties[provider=" + provider + ", evolutionUrl=" + evolutionUrl + ", tick=" + tick
                + "]";
    }
}
