package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.DeliveryFailure;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.notifications.WhatsAppProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Meta WhatsApp Cloud API: {@code POST {base}/{phoneNumberId}/messages} with a bearer token and an approved
 * template message. The template of a kind is named {@code vetric_<kind in lower case>} (e.g.
 * {@code vetric_battery_full}); its body parameters are VETRIC's placeholder values in the order they appear in
 * the condominium's text. A test message (no kind) uses Meta's stock {@code hello_world} template.
 */
@Component
class MetaGateway implements WhatsAppGateway {

    private final HttpGateways http;

    MetaGateway(NotificationProperties props) {
        this.http = new HttpGateways(props);
    }

    @Override
    public WhatsAppProvider provider() {
        return WhatsAppProvider.META;
    }

    static String templateName(NotificationKind kind) {
        return kind == null ? "hello_world" : "vetric_" + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public SendResult send(
            StoredSettings s, String phoneE164, String text, NotificationKind kind, List<String> params) {
        if (s.metaPhoneNumberId() == null
                || s.metaPhoneNumberId().isBlank()
                || s.metaAccessToken() == null
                || s.metaAccessToken().isBlank()) {
            return SendResult.failed(DeliveryFailure.NOT_CONFIGURED, null); // phone number id and token are required
        }
        String base = s.metaBaseUrl() == null || s.metaBaseUrl().isBlank()
                ? NotificationProperties.DEFAULT_META_BASE_URL
                : s.metaBaseUrl();
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", templateName(kind));
        template.put(
                "language",
                Map.of("code", kind == null ? "en_US" : s.metaLanguage() == null ? "pt_BR" : s.metaLanguage()));
        if (kind != null && !params.isEmpty()) {
            List<Map<String, String>> parameters = new ArrayList<>();
            params.forEach(p -> parameters.add(Map.of("type", "text", "text", p)));
            template.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("to", EvolutionGateway.digits(phoneE164));
        body.put("type", "template");
        body.put("template", template);
        return http.postJson(
                HttpGateways.trimSlash(base) + "/" + s.metaPhoneNumberId().strip() + "/messages",
                Map.of("Authorization", "Bearer " + s.metaAccessToken()),
                body,
                "messages",
                "0",
                "id");
    }
}
