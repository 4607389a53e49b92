package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.GatewaySettings;
import br.com.vetric.notifications.GatewaySettingsCommand;
import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.notifications.WhatsAppProvider;
import br.com.vetric.platform.InvalidInputException;
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
 * apply without a restart). Secrets are write-only.
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

    void seed(CondominiumId condo) {
        List<String> managers = new ArrayList<>();
        for (String p : props.managerPhones()) {
            try {
                managers.add(Phones.toE164(p));
            } catch (IllegalArgumentException e) {
                log.warn("Ignoring invalid manager phone {} in VETRIC_MANAGER_PHONES", Phones.mask(p));
            }
        }
        StoredSettings initial = new StoredSettings(props.initialProvider(), blankToNull(props.evolutionUrl()),
                blankToNull(props.evolutionInstance()), blankToNull(props.evolutionApiKey()), props.metaBaseUrl(),
                blankToNull(props.metaPhoneNumberId()), blankToNull(props.metaAccessToken()), props.metaLanguage(),
                managers, clock.instant());
        if (repository.insertIfMissing(condo, initial, clock.instant())) {
            log.info("WhatsApp settings of condominium {} seeded from the environment: provider {}", condo,
                    initial.provider());
        }
    }

    @Transactional
    public GatewaySettings update(CondominiumId condo, GatewaySettingsCommand cmd) {
        StoredSettings old = current(condo);
        WhatsAppProvider provider = cmd.provider() != null ? cmd.provider() : old.provider();
        String evolutionUrl = cmd.evolutionUrl() != null ? blankToNull(cmd.evolutionUrl()) : old.evolutionUrl();
        String instance = cmd.evolutionInstance() != null ? blankToNull(cmd.evolutionInstance()) : old.evolutionInstance();
        String key = cmd.evolutionApiKey() == null || cmd.evolutionApiKey().isBlank() ? old.evolutionApiKey()
                : cmd.evolutionApiKey().strip();
        String metaUrl = cmd.metaBaseUrl() != null ? blankToNull(cmd.metaBaseUrl()) : old.metaBaseUrl();
        String metaPhone = cmd.metaPhoneNumberId() != null ? blankToNull(cmd.metaPhoneNumberId()) : old.metaPhoneNumberId();
        String token = cmd.metaAccessToken() == null || cmd.metaAccessToken().isBlank() ? old.metaAccessToken()
                : cmd.metaAccessToken().strip();
        String language = cmd.metaLanguage() != null ? blankToNull(cmd.metaLanguage()) : old.metaLanguage();
        List<String> managers = cmd.managerPhones() == null ? old.managerPhones() : managers(cmd.managerPhones());
        checkUrl("evolutionUrl", evolutionUrl);
        checkUrl("metaBaseUrl", metaUrl);
        if (provider == WhatsAppProvider.EVOLUTION && (evolutionUrl == null || instance == null || key == null)) {
            throw new InvalidInputException("provider", "Evolution API needs URL, instance and API key");
        }
        if (provider == WhatsAppProvider.META && (metaPhone == null || token == null)) {
            throw new InvalidInputException("provider", "Meta WhatsApp needs the phone number id and the access token");
        }
        repository.update(condo, new StoredSettings(provider, evolutionUrl, instance, key,
                metaUrl == null ? NotificationProperties.DEFAULT_META_BASE_URL : metaUrl, metaPhone, token,
                language == null ? "pt_BR" : language, managers, clock.instant()), clock.instant());
        log.info("WhatsApp settings of condominium {} updated: provider {}, {} manager phone(s)", condo, provider,
                managers.size());
        return view(condo);
    }

    private static List<String> managers(List<String> input) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String p : input) {
            if (p == null || p.isBlank()) {
                continue;
            }
            try {
                result.add(Phones.toE164(p));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("managerPhones", e.getMessage());
            }
        }
        return List.copyOf(result);
    }

    private static void checkUrl(String field, String url) {
        if (url == null) {
            return;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new InvalidInputException(field, "must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be an http(s) URL");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
