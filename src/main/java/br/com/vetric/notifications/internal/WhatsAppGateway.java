package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.WhatsAppProvider;
import java.util.List;

/** Sends one text to one phone (E.164) with the condominium's current settings. Never throws. */
public interface WhatsAppGateway {

    WhatsAppProvider provider();

    /**
     * @param kind   the message kind (Meta: selects the approved template), null for a test message
     * @param params the placeholder values in order of appearance (Meta: the template's body parameters)
     */
    SendResult send(StoredSettings settings, String phoneE164, String text, NotificationKind kind, List<String> params);
}
