package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.shared.CondominiumId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A notice to the condominium's managers raised by another module (the insights' alerts): rendered with the kind's
 * template and written to the outbox, one row per manager phone (or one SKIPPED row when there is none). The outbox's
 * unique (subject, kind, recipient) makes a repeated call send nothing new.
 */
@Component
public class ManagerNotices {

    private final NotificationRules rules;
    private final Enqueuer enqueuer;

    ManagerNotices(NotificationRules rules, Enqueuer enqueuer) {
        this.rules = rules;
        this.enqueuer = enqueuer;
    }

    public void send(
            CondominiumId condo,
            NotificationKind kind,
            String subject,
            Map<String, String> values,
            @Nullable String chargerName) {
        if (kind.audience() != NotificationKind.Audience.MANAGER) {
            throw new IllegalArgumentException(kind + " is not a manager notice");
        }
        RuleContext ctx = rules.context(condo);
        enqueuer.insert(condo, enqueuer.toManagers(ctx, kind, subject, values, chargerName, null, null, null), ctx.now);
    }
}
