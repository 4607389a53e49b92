package br.com.vetric.platform;

import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.EndReason;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The words people read for VETRIC's codes, from the shared bundle ({@code i18n/messages}): one vocabulary for the
 * pages, the exports and the messages. A code is never shown as text; pages put it in a {@code title} for the
 * operator. Templates reach it as {@code words}.
 */
@Component("words")
public class Words {

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * "falha de aterramento" for {@code GroundFailure}; a code the bundle does not know (a manufacturer's own) reads
     * "falha informada pelo carregador (XYZ)"; empty for no error.
     */
    public String fault(@Nullable String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        try {
            return messages.getMessage("fault." + code.strip(), null, locale);
        } catch (NoSuchMessageException e) {
            return messages.getMessage("fault.other", new Object[] {code.strip()}, locale);
        }
    }

    /** What a connector status means, in one line ("recarga encerrada, carro ainda conectado"). */
    public String status(ConnectorStatus status, Locale locale) {
        return messages.getMessage("status." + status.name(), null, locale);
    }

    /** Why a session ended; empty when it has not. */
    public String endReason(@Nullable EndReason reason, Locale locale) {
        return reason == null ? "" : messages.getMessage("endReason." + reason.name(), null, locale);
    }

    /** Why a session has no resident ({@code sessions.UnidentifiedReason}), naming its tag; empty when it has one. */
    public String unidentified(@Nullable Enum<?> reason, @Nullable String tag, Locale locale) {
        return reason == null
                ? ""
                : messages.getMessage("unidentified." + reason.name(), new Object[] {tag == null ? "" : tag}, locale);
    }

    /** A session's state ({@code sessions.SessionStatus}), in the board's words. */
    public String sessionStatus(Enum<?> status, Locale locale) {
        return messages.getMessage("session.status." + status.name(), null, locale);
    }

    /** "energia informada ao final": a charger that reports a session's energy only when it ends. */
    public String energyPending(Locale locale) {
        return messages.getMessage("energy.pending", null, locale);
    }
}
