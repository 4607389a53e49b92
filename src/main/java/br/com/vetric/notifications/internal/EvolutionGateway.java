package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.DeliveryFailure;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.notifications.WhatsAppProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Evolution API v2: {@code POST {url}/message/sendText/{instance}} with header {@code apikey} and
 * {@code {"number": "5511987654321", "text": "..."}} (the number in digits, country code first, no '+').
 */
@Component
class EvolutionGateway implements WhatsAppGateway {

    private final HttpGateways http;

    EvolutionGateway(NotificationProperties props) {
        this.http = new HttpGateways(props);
    }

    @Override
    public WhatsAppProvider provider() {
        return WhatsAppProvider.EVOLUTION;
    }

    @Override
    public SendResult send(
            StoredSettings s, String phoneE164, String text, NotificationKind kind, List<String> params) {
        if (blank(s.evolutionUrl()) || blank(s.evolutionInstance()) || blank(s.evolutionApiKey())) {
            return SendResult.failed(DeliveryFailure.NOT_CONFIGURED, null); // URL, instance and key are required
        }
        String url = HttpGateways.trimSlash(s.evolutionUrl()) + "/message/sendText/"
                + URLEncoder.encode(s.evolutionInstance().strip(), StandardCharsets.UTF_8)
                        .replace("+", "%20");
        return http.postJson(
                url,
                Map.of("apikey", s.evolutionApiKey()),
                Map.of("number", digits(phoneE164), "text", text),
                "key",
                "id");
    }

    static String digits(String e164) {
        return e164.replaceAll("\\D", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
