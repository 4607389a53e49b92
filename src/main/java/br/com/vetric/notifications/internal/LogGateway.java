package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.WhatsAppProvider;
import br.com.vetric.shared.Phones;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The demo gateway: the message goes to the application log (phone masked) and counts as sent. */
@Component
class LogGateway implements WhatsAppGateway {

    private static final Logger log = LoggerFactory.getLogger(LogGateway.class);

    @Override
    public WhatsAppProvider provider() {
        return WhatsAppProvider.LOG;
    }

    @Override
    public SendResult send(
            StoredSettings settings, String phoneE164, String text, NotificationKind kind, List<String> params) {
        // a sign-in code is never logged: only that one went out
        log.info(
                "WhatsApp (log only) {} to {}: {}",
                kind,
                Phones.mask(phoneE164),
                kind == NotificationKind.SIGN_IN_CODE ? OutboxRepository.HIDDEN_BODY : text);
        return new SendResult.Accepted("log-" + UUID.randomUUID());
    }
}
