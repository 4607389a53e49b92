package br.com.vetric.insights.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.Notifications;
import br.com.vetric.platform.PtBr;
import br.com.vetric.shared.CondominiumId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unusual patterns ({@link InsightsService#unusual}) as manager notices, once per incident: an apartment's month,
 * a charger's month, a session, a tag's month. Each check records the incidents it finds (kind, subject, period) and
 * tells the managers only of those not recorded before, in the same transaction as the outbox rows, so a repeated
 * check or a second instance sends nothing new. Muted kinds are neither recorded nor sent.
 */
@Service
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);
    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private final InsightsService insights;
    private final AlertRepository repository;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;

    Alerts(
            InsightsService insights,
            AlertRepository repository,
            Notifications notifications,
            MessageSource messages,
            Clock clock) {
        this.insights = insights;
        this.repository = repository;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    public AlertSettings settings(CondominiumId condo) {
        return repository.settings(condo).orElse(AlertSettings.DEFAULT);
    }

    @Transactional
    public AlertSettings save(CondominiumId condo, AlertSettings settings) {
        AlertSettings valid = settings.validated();
        repository.save(condo, valid, clock.instant());
        log.info("Alert settings of condominium {} updated: {}", condo, valid);
        return valid;
    }

    /** The month to date's unusual patterns with the condominium's thresholds (what the page shows). */
    public List<Unusual.Finding> findings(CondominiumId condo, YearMonth month, LocalDate asOf) {
        return insights.unusual(condo, month, asOf, settings(condo).thresholds());
    }

    /** Looks at this month to date and tells the managers of each new incident; how many were new. */
    @Transactional
    public int check(CondominiumId condo) {
        AlertSettings settings = settings(condo);
        LocalDate today = insights.today(condo);
        YearMonth month = YearMonth.from(today);
        int raised = 0;
        for (Unusual.Finding f : insights.unusual(condo, month, today, settings.thresholds())) {
            if (!settings.enabled(f.kind())) {
                continue;
            }
            String reason = messages.getMessage("insights.unusual." + f.kind(), f.args(), PT_BR);
            if (!repository.raise(condo, f.kind(), f.key(), month.toString(), reason, clock.instant())) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            values.put("motivo", reason);
            values.put("mes", PtBr.month(month));
            String charger = null;
            switch (f.kind()) {
                case CONSUMPTION_ABOVE_USUAL -> values.put("apartamento", f.subject());
                case ABNORMAL_ENDS_ABOVE_USUAL, LOW_ENERGY_SESSION -> charger = f.subject();
                case UNKNOWN_TAG_REPEATED -> values.put("tag", f.subject());
            }
            notifications.notifyManagers(
                    condo, notice(f.kind()), "insight:" + f.kind() + ":" + f.key() + ":" + month, values, charger);
            log.info("Alert {} raised for {} in {} (condominium {})", f.kind(), f.key(), month, condo);
            raised++;
        }
        return raised;
    }

    static NotificationKind notice(Unusual.Kind kind) {
        return switch (kind) {
            case CONSUMPTION_ABOVE_USUAL -> NotificationKind.ALERT_CONSUMPTION_ABOVE_USUAL;
            case ABNORMAL_ENDS_ABOVE_USUAL -> NotificationKind.ALERT_ABNORMAL_ENDS;
            case LOW_ENERGY_SESSION -> NotificationKind.ALERT_LOW_ENERGY_SESSION;
            case UNKNOWN_TAG_REPEATED -> NotificationKind.ALERT_UNKNOWN_TAG_REPEATED;
        };
    }
}
