package br.com.vetric.notifications.internal;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationStatus;
import br.com.vetric.notifications.NotificationTemplate;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders a message and writes it to the outbox: PENDING for delivery, or SKIPPED with the reason (no phone,
 * notifications off, template disabled, no managers) so the delivery log shows it. The outbox's unique keys
 * make every call idempotent.
 */
@Component
public class Enqueuer {

    private static final Logger log = LoggerFactory.getLogger(Enqueuer.class);

    private final OutboxRepository outbox;
    private final TemplateService templates;
    private final SettingsService settings;
    private final Residents residents;
    private final Condominiums condominiums;
    private final Clock clock;

    Enqueuer(
            OutboxRepository outbox,
            TemplateService templates,
            SettingsService settings,
            Residents residents,
            Condominiums condominiums,
            Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.residents = residents;
        this.condominiums = condominiums;
        this.clock = clock;
    }

    /** A message to the session's resident about the session as it is now. */
    public boolean toResident(
            CondominiumId condo, NotificationKind kind, String subject, ChargingSession s, Instant at) {
        if (s.residentId() == null) {
            return false;
        }
        ResidentRef r = residents.refs(condo, Set.of(s.residentId())).get(s.residentId());
        Map<String, String> values = new HashMap<>();
        values.put("carregador", s.chargerName());
        values.put("energia", Placeholders.energy(s.energyWh()));
        Instant end = s.endedAt() != null ? s.endedAt() : at;
        values.put(
                "duracao",
                Placeholders.duration(
                        s.durationSeconds() != null && s.endedAt() != null
                                ? Duration.ofSeconds(s.durationSeconds())
                                : Duration.between(s.startedAt(), end)));
        // "começou em {{data}}" is the start of the session, not the moment the (delayed) check ran
        values.put("data", Placeholders.date(kind == NotificationKind.CHARGING_STARTED ? s.startedAt() : at));
        values.put("localizacao", location(condo));
        values.put("tag", s.idTag());
        String skip = null;
        String phone = null;
        if (r == null) {
            skip = "morador não encontrado";
        } else {
            values.put("nome", r.name());
            values.put("apartamento", r.unit());
            phone = r.phone();
            if (!r.active()) {
                skip = "morador inativo";
            } else if (!r.notificationsEnabled()) {
                skip = "morador desativou as notificações";
            } else if (phone == null || phone.isBlank()) {
                skip = "morador sem telefone";
            }
        }
        return insert(
                condo,
                kind,
                subject,
                "resident:" + s.residentId(),
                phone,
                s.residentId(),
                r == null ? s.residentName() : r.name(),
                s.chargerName(),
                s.id(),
                values,
                skip);
    }

    /** A message to every manager phone of the condominium. */
    public int toManagers(
            CondominiumId condo,
            NotificationKind kind,
            String subject,
            Map<String, String> values,
            String chargerName,
            Long sessionId,
            Long residentId,
            String residentName) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("localizacao", location(condo));
        all.putIfAbsent("carregador", chargerName);
        List<String> managers = settings.current(condo).managerPhones();
        if (managers.isEmpty()) {
            return insert(
                            condo,
                            kind,
                            subject,
                            "manager:none",
                            null,
                            residentId,
                            residentName,
                            chargerName,
                            sessionId,
                            all,
                            "nenhum telefone de síndico configurado")
                    ? 1
                    : 0;
        }
        int inserted = 0;
        for (String phone : managers) {
            if (insert(
                    condo,
                    kind,
                    subject,
                    "manager:" + phone,
                    phone,
                    residentId,
                    residentName,
                    chargerName,
                    sessionId,
                    all,
                    null)) {
                inserted++;
            }
        }
        return inserted;
    }

    private boolean insert(
            CondominiumId condo,
            NotificationKind kind,
            String subject,
            String recipient,
            String phone,
            Long residentId,
            String residentName,
            String chargerName,
            Long sessionId,
            Map<String, String> values,
            String skipReason) {
        NotificationTemplate template = templates.get(condo, kind);
        if (skipReason == null && !template.enabled()) {
            skipReason = "modelo desativado";
        }
        String body = Placeholders.render(template.body(), values);
        List<String> params = Placeholders.orderedValues(template.body(), values);
        NotificationStatus status = skipReason == null ? NotificationStatus.PENDING : NotificationStatus.SKIPPED;
        boolean inserted = outbox.insert(
                condo,
                new OutboxRepository.NewMessage(
                        kind,
                        subject,
                        recipient,
                        phone,
                        residentId,
                        residentName,
                        chargerName,
                        sessionId,
                        body,
                        params,
                        status,
                        skipReason),
                clock.instant());
        if (inserted) {
            if (skipReason == null) {
                log.info(
                        "Notification {} for {} to {} enqueued (condominium {})",
                        kind,
                        subject,
                        Phones.mask(phone),
                        condo);
            } else {
                log.info(
                        "Notification {} for {} to {} skipped: {} (condominium {})",
                        kind,
                        subject,
                        phone == null ? recipient.replaceAll("\\d(?=\\d{4})", "*") : Phones.mask(phone),
                        skipReason,
                        condo);
            }
        }
        return inserted;
    }

    private String location(CondominiumId condo) {
        return condominiums.find(condo).map(c -> c.name()).orElse("");
    }
}
