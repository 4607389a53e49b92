package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationStatus;
import br.com.vetric.notifications.NotificationTemplate;
import br.com.vetric.notifications.internal.OutboxRepository.NewMessage;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders messages for the outbox: PENDING for delivery, or SKIPPED with the reason (no phone, notifications off,
 * template disabled, no managers) so the delivery log shows it. Messages are built against one batch's
 * {@link RuleContext} and written together ({@link #insert}); the outbox's unique keys make every write idempotent.
 */
@Component
public class Enqueuer {

    private static final Logger log = LoggerFactory.getLogger(Enqueuer.class);

    private final OutboxRepository outbox;

    Enqueuer(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** A message to the session's resident about the session as it is now; empty for an unidentified session. */
    Optional<NewMessage> toResident(
            RuleContext ctx, NotificationKind kind, String subject, ChargingSession s, Instant at) {
        return toResident(ctx, kind, subject, s, at, null);
    }

    /**
     * As {@link #toResident(RuleContext, NotificationKind, String, ChargingSession, Instant)}, SKIPPED with
     * {@code lateReason} when it would otherwise go out (the resident's own reasons come first).
     */
    Optional<NewMessage> toResident(
            RuleContext ctx,
            NotificationKind kind,
            String subject,
            ChargingSession s,
            Instant at,
            @Nullable String lateReason) {
        if (s.residentId() == null) {
            return Optional.empty();
        }
        ResidentRef r = ctx.resident(s.residentId()).orElse(null);
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
        values.put("localizacao", ctx.location());
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
            } else {
                skip = lateReason;
            }
        }
        return Optional.of(message(
                ctx,
                kind,
                subject,
                "resident:" + s.residentId(),
                phone,
                s.residentId(),
                r == null ? s.residentName() : r.name(),
                s.chargerName(),
                s.id(),
                values,
                skip));
    }

    /** A message to every manager phone of the condominium (or one SKIPPED row saying there is none). */
    List<NewMessage> toManagers(
            RuleContext ctx,
            NotificationKind kind,
            String subject,
            Map<String, String> values,
            String chargerName,
            Long sessionId,
            Long residentId,
            String residentName) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("localizacao", ctx.location());
        all.putIfAbsent("carregador", chargerName);
        if (ctx.managerPhones().isEmpty()) {
            return List.of(message(
                    ctx,
                    kind,
                    subject,
                    "manager:none",
                    null,
                    residentId,
                    residentName,
                    chargerName,
                    sessionId,
                    all,
                    "nenhum telefone de síndico configurado"));
        }
        List<NewMessage> out = new ArrayList<>();
        for (String phone : ctx.managerPhones()) {
            out.add(message(
                    ctx,
                    kind,
                    subject,
                    "manager:" + phone,
                    phone,
                    residentId,
                    residentName,
                    chargerName,
                    sessionId,
                    all,
                    null));
        }
        return out;
    }

    private static NewMessage message(
            RuleContext ctx,
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
        NotificationTemplate template = ctx.template(kind);
        if (skipReason == null && !template.enabled()) {
            skipReason = "modelo desativado";
        }
        String body = Placeholders.render(template.body(), values);
        List<String> params = Placeholders.orderedValues(template.body(), values);
        NotificationStatus status = skipReason == null ? NotificationStatus.PENDING : NotificationStatus.SKIPPED;
        return new NewMessage(
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
                skipReason);
    }

    /** Writes the messages in one statement and logs those that were new. */
    void insert(CondominiumId condo, List<NewMessage> messages, Instant now) {
        for (OutboxRepository.Inserted m : outbox.insertAll(condo, messages, now)) {
            if (m.error() == null) {
                log.info(
                        "Notification {} for {} to {} enqueued (condominium {})",
                        m.kind(),
                        m.subject(),
                        Phones.mask(m.phone()),
                        condo);
            } else {
                log.info(
                        "Notification {} for {} to {} skipped: {} (condominium {})",
                        m.kind(),
                        m.subject(),
                        m.phone() == null ? m.recipient().replaceAll("\\d(?=\\d{4})", "*") : Phones.mask(m.phone()),
                        m.error(),
                        condo);
            }
        }
    }
}
