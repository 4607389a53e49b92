package br.com.vetric.integrations.internal;

import br.com.vetric.chargers.ChargerEvents.ChargerBackOnline;
import br.com.vetric.chargers.ChargerEvents.ChargerEvent;
import br.com.vetric.chargers.ChargerEvents.ChargerFaultCleared;
import br.com.vetric.chargers.ChargerEvents.ChargerFaulted;
import br.com.vetric.chargers.ChargerEvents.ChargerStatusChanged;
import br.com.vetric.chargers.ChargerEvents.ChargerWentOffline;
import br.com.vetric.chargers.ChargerEvents.ChargersChanged;
import br.com.vetric.integrations.WebhookEvents;
import br.com.vetric.reports.StatementGenerated;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentChanged;
import br.com.vetric.sessions.SessionEvents.SessionEvent;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionIdentified;
import br.com.vetric.sessions.SessionEvents.SessionStarted;
import br.com.vetric.sessions.SessionEvents.SessionStateChanged;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.shared.CondominiumId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the webhook outbox in the transaction of the change: synchronous listeners (not after commit, not on another
 * thread), so a change that commits has its deliveries committed with it and a change that rolls back has none; one
 * insert per batch of changes (a poll's sessions, a poll's chargers), whatever its size.
 */
@Component
class WebhookOutbox {

    private final WebhookRepository repository;
    private final WebhookBodies bodies;
    private final Clock clock;

    WebhookOutbox(WebhookRepository repository, WebhookBodies bodies, Clock clock) {
        this.repository = repository;
        this.bodies = bodies;
        this.clock = clock;
    }

    @EventListener
    void on(SessionsChanged changed) {
        Instant now = clock.instant();
        List<WebhookRepository.Message> messages = new ArrayList<>();
        for (SessionEvent e : changed.events()) {
            String type = switch (e) {
                case SessionStarted s -> WebhookEvents.SESSION_STARTED;
                case SessionStateChanged s -> WebhookEvents.SESSION_STATE_CHANGED;
                case SessionFinished s -> WebhookEvents.SESSION_FINISHED;
                case SessionIdentified s -> WebhookEvents.SESSION_IDENTIFIED;
                default -> null;
            };
            if (type != null) {
                messages.add(bodies.message(type, now, e, "sessionId"));
            }
        }
        enqueue(changed.condominiumId(), messages, now);
    }

    @EventListener
    void on(ChargersChanged changed) {
        Instant now = clock.instant();
        List<WebhookRepository.Message> messages = new ArrayList<>();
        for (ChargerEvent e : changed.events()) {
            String type = switch (e) {
                case ChargerStatusChanged c -> WebhookEvents.CHARGER_STATUS_CHANGED;
                case ChargerFaulted c -> WebhookEvents.CHARGER_FAULTED;
                case ChargerFaultCleared c -> WebhookEvents.CHARGER_RECOVERED;
                case ChargerWentOffline c -> WebhookEvents.CHARGER_OFFLINE;
                case ChargerBackOnline c -> WebhookEvents.CHARGER_ONLINE;
                default -> null;
            };
            if (type != null) {
                messages.add(bodies.message(type, now, e));
            }
        }
        enqueue(changed.condominiumId(), messages, now);
    }

    @EventListener
    void on(StatementGenerated generated) {
        Instant now = clock.instant();
        enqueue(
                generated.condominiumId(),
                List.of(bodies.message(WebhookEvents.STATEMENT_GENERATED, now, generated, "statementId")),
                now);
    }

    @EventListener
    void on(ResidentChanged changed) {
        Instant now = clock.instant();
        Resident r = changed.resident();
        Map<String, Object> data = new LinkedHashMap<>(); // the API's resident, without the phone (personal data)
        data.put("id", r.id());
        data.put("condominiumId", changed.condominiumId().value());
        data.put("name", r.name());
        data.put("apartment", r.apartment());
        data.put("tower", r.tower());
        data.put("tags", r.tags());
        data.put("notificationsEnabled", r.notificationsEnabled());
        data.put("active", r.active());
        data.put("createdAt", r.createdAt());
        data.put("updatedAt", r.updatedAt());
        String type = changed.created() ? WebhookEvents.RESIDENT_CREATED : WebhookEvents.RESIDENT_UPDATED;
        enqueue(changed.condominiumId(), List.of(bodies.message(type, now, data)), now);
    }

    private void enqueue(CondominiumId condo, List<WebhookRepository.Message> messages, Instant now) {
        if (!messages.isEmpty()) {
            repository.enqueue(condo, messages, now);
        }
    }
}
