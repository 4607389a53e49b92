package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.GatewaySettings;
import br.com.vetric.notifications.GatewaySettingsCommand;
import br.com.vetric.notifications.InvalidGatewaySettings;
import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.notifications.WhatsAppProvider;
import br.com.vetric.platform.OutboundAddresses;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gateway settings per condominium, seeded once from the environment and read on every delivery (so changes
 * apply without a restart). Secrets are write-only, and encrypted in the database.
 */
@Service
public class SettingsService {

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsRepository repository;
    private final NotificationProperties props;
    private final Clock clock;

    SettingsService(SettingsRepository repository, NotificationProperties props, Clock clock) {
        this.repository = repository;
        this.props = props;
        this.clock = clock;
    }

    /** The condominium's settings with secrets (inside the module only). */
    public StoredSettings current(CondominiumId condo) {
        return repository.find(condo).orElseGet(() -> {
            seed(condo);
            return repository.find(condo).orElseThrow();
        });
    }

    public GatewaySettings view(CondominiumId condo) {
        return current(condo).view();
    }

    /** Encrypts the gateway secrets an older version stored in clear (at every start; idempotent). */
    void encryptClearTextSecrets() {
        int encrypted = repository.encryptClearText();
        if (encrypted > 0) {
            log.info("Encrypted {} WhatsApp gateway secret(s) that an older version stored in clear", encrypted);
        }
    }

    void seed(CondominiumId condo) {
        List<String> managers = new ArrayList<>();
        for (String p : props.managerPhones()) {
            try {
                managers.add(Phones.toE164(p));
            } catch (IllegalArgumentException e) {
                log.warn("Ignoring invalid manager phone {} in VETRIC_MANAGER_PHONES", Phones.mask(p));
            }
        }
        StoredSettings initial = new StoredSettings(
                props.initialProvider(),
                blankToNull(props.evolutionUrl()),
                blankToNull(props.evolutionInstance()),
                blankToNull(props.evolutionApiKey()),
                props.metaBaseUrl(),
                blankToNull(props.metaPhoneNumberId()),
                blankToNull(props.metaAccessToken()),
                props.metaLanguage(),
                managers,
                clock.instant());
        if (repository.insertIfMissing(condo, initial, clock.instant())) {
            log.info(
                    "WhatsApp settings of condominium {} seeded from the environment: provider {}",
                    condo,
                    initial.provider());
        }
    }

    /**
     * Applies a partial update. A blank key or token keeps the stored one, unless its URL changes: then it must be
     * entered again (the stored secret is never sent to a new host). A changed URL must not point at a link-local,
     * cloud-metadata, multicast or unspecified address.
     */
    @Transactional
    public GatewaySettings update(CondominiumId condo, GatewaySettingsCommand cmd) {
        StoredSettings old = current(condo);
        WhatsAppProvider provider = cmd.provider() != null ? cmd.provider() : old.provider();
        String evolutionUrl = cmd.evolutionUrl() != null ? blankToNull(cmd.evolutionUrl()) : old.evolutionUrl();
        String instance =
                cmd.evolutionInstance() != null ? blankToNull(cmd.evolutionInstance()) : old.evolutionInstance();
        String newKey = blankToNull(cmd.evolutionApiKey());
        String metaUrl = cmd.metaBaseUrl() != null ? blankToNull(cmd.metaBaseUrl()) : old.metaBaseUrl();
        if (metaUrl == null) {
            metaUrl = NotificationProperties.DEFAULT_META_BASE_URL;
        }
        String metaPhone =
                cmd.metaPhoneNumberId() != null ? blankToNull(cmd.metaPhoneNumberId()) : old.metaPhoneNumberId();
        String newToken = blankToNull(cmd.metaAccessToken());
        String language = cmd.metaLanguage() != null ? blankToNull(cmd.metaLanguage()) : old.metaLanguage();
        List<String> refused = new ArrayList<>();
        List<String> managers =
                cmd.managerPhones() == null ? old.managerPhones() : managers(cmd.managerPhones(), refused);
        boolean evolutionMoved = moved(old.evolutionUrl(), evolutionUrl);
        boolean metaMoved = moved(
                old.metaBaseUrl() == null ? NotificationProperties.DEFAULT_META_BASE_URL : old.metaBaseUrl(), metaUrl);
        if (evolutionMoved) {
            checkUrl("evolutionUrl", evolutionUrl);
        }
        if (metaMoved) {
            checkUrl("metaBaseUrl", metaUrl);
        }
        String key = secretFor("evolutionApiKey", evolutionMoved, newKey, old.evolutionApiKey());
        String token = secretFor("metaAccessToken", metaMoved, newToken, old.metaAccessToken());
        if (provider == WhatsAppProvider.EVOLUTION && (evolutionUrl == null || instance == null || key == null)) {
            throw new InvalidGatewaySettings(
                    "provider",
                    InvalidGatewaySettings.Problem.EVOLUTION_INCOMPLETE,
                    "Evolution API needs URL, instance and API key");
        }
        if (provider == WhatsAppProvider.META && (metaPhone == null || token == null)) {
            throw new InvalidGatewaySettings(
                    "provider",
                    InvalidGatewaySettings.Problem.META_INCOMPLETE,
                    "Meta WhatsApp needs the phone number id and the access token");
        }
        repository.update(
                condo,
                new StoredSettings(
                        provider,
                        evolutionUrl,
                        instance,
                        key,
                        metaUrl,
                        metaPhone,
                        token,
                        language == null ? "pt_BR" : language,
                        managers,
                        clock.instant()),
                clock.instant());
        log.info(
                "WhatsApp settings of condominium {} updated: provider {}, {} manager phone(s), {} refused{}{}",
                condo,
                provider,
                managers.size(),
                refused.size(),
                evolutionMoved ? ", new Evolution URL" : "",
                metaMoved ? ", new Meta URL" : "");
        return view(condo).refusing(refused);
    }

    /** Whether a gateway URL points somewhere new (trailing slashes and letter case aside). */
    private static boolean moved(String before, String after) {
        if (after == null) {
            return false; // no URL: the secret goes nowhere
        }
        return before == null || !HttpGateways.trimSlash(before).equalsIgnoreCase(HttpGateways.trimSlash(after));
    }

    /** The secret to keep: the new one, or the stored one unless the URL moved (then it must be typed again). */
    private static String secretFor(String field, boolean urlMoved, String entered, String stored) {
        if (entered != null) {
            return entered;
        }
        if (urlMoved && stored != null) {
            throw new InvalidGatewaySettings(
                    field,
                    InvalidGatewaySettings.Problem.SECRET_REQUIRED_FOR_NEW_URL,
                    "enter the key again when changing the URL: the stored one is never sent to a new host");
        }
        return stored;
    }

    /** The valid phones as E.164, in order and once each; the others, as typed, go to {@code refused}. */
    private static List<String> managers(List<String> input, List<String> refused) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String p : input) {
            if (p == null || p.isBlank()) {
                continue;
            }
            try {
                result.add(Phones.toE164(p));
            } catch (IllegalArgumentException e) {
                refused.add(p.strip());
            }
        }
        return List.copyOf(result);
    }

    private static void checkUrl(String field, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidGatewaySettings(
                    field, InvalidGatewaySettings.Problem.INVALID_URL, "must be an http(s) URL");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new InvalidGatewaySettings(
                    field, InvalidGatewaySettings.Problem.INVALID_URL, "must be an http(s) URL");
        }
        // a host that does not resolve now is accepted: it is checked again before every connection
        if (OutboundAddresses.check(uri.getHost()) == OutboundAddresses.Verdict.FORBIDDEN) {
            throw new InvalidGatewaySettings(
                    field,
                    InvalidGatewaySettings.Problem.ADDRESS_NOT_ALLOWED,
                    "must not point at a link-local, cloud metadata, multicast or unspecified address");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
