package br.com.vetric.notifications;

import br.com.vetric.notifications.internal.DeliveryWorker;
import br.com.vetric.notifications.internal.DueCheckRunner;
import br.com.vetric.notifications.internal.ManagerNotices;
import br.com.vetric.notifications.internal.OutboxRepository;
import br.com.vetric.notifications.internal.Placeholders;
import br.com.vetric.notifications.internal.SendResult;
import br.com.vetric.notifications.internal.SettingsService;
import br.com.vetric.notifications.internal.TemplateService;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.PageResult;
import br.com.vetric.shared.Phones;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notifications module's API: templates, gateway settings, the delivery log, and the two periodic jobs. */
@Service
public class Notifications {

    private final TemplateService templates;
    private final SettingsService settings;
    private final OutboxRepository outbox;
    private final DueCheckRunner dueChecks;
    private final DeliveryWorker worker;
    private final ManagerNotices managerNotices;

    Notifications(
            TemplateService templates,
            SettingsService settings,
            OutboxRepository outbox,
            DueCheckRunner dueChecks,
            DeliveryWorker worker,
            ManagerNotices managerNotices) {
        this.templates = templates;
        this.settings = settings;
        this.outbox = outbox;
        this.dueChecks = dueChecks;
        this.worker = worker;
        this.managerNotices = managerNotices;
    }

    /**
     * Tells the condominium's managers (every manager phone) with the kind's template and these placeholder values,
     * through the durable outbox: one message per (subject, kind, manager), ever, so calling again with the same
     * subject sends nothing new. Runs in the caller's transaction when there is one.
     */
    public void notifyManagers(
            CondominiumId condo,
            NotificationKind kind,
            String subject,
            Map<String, String> values,
            @Nullable String chargerName) {
        managerNotices.send(condo, kind, subject, values, chargerName);
    }

    public List<NotificationTemplate> templates(CondominiumId condo) {
        return templates.list(condo);
    }

    public NotificationTemplate template(CondominiumId condo, NotificationKind kind) {
        return templates.get(condo, kind);
    }

    /** Partial update; an unknown placeholder is rejected naming it (field {@code body}). */
    public NotificationTemplate updateTemplate(CondominiumId condo, NotificationKind kind, TemplateUpdate update) {
        return templates.update(condo, kind, update);
    }

    /** The text rendered with sample values. */
    public String preview(CondominiumId condo, String body) {
        return templates.preview(condo, body);
    }

    public GatewaySettings settings(CondominiumId condo) {
        return settings.view(condo);
    }

    public GatewaySettings updateSettings(CondominiumId condo, GatewaySettingsCommand cmd) {
        return settings.update(condo, cmd);
    }

    /** Sends a test message through the current gateway to {@code phone} (typed the Brazilian way). */
    public TestMessageResult sendTest(CondominiumId condo, String phone) {
        String e164;
        try {
            e164 = Phones.toE164(phone);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("phone", e.getMessage());
        }
        var sent = worker.sendTest(
                condo, e164, "VETRIC: mensagem de teste. Se você recebeu, o WhatsApp está configurado.");
        boolean toWhatsApp = sent.provider() != WhatsAppProvider.LOG;
        return switch (sent.result()) {
            case SendResult.Accepted a -> new TestMessageResult(true, null, null, toWhatsApp);
            case SendResult.Failed f -> new TestMessageResult(false, f.reason(), f.statusCode(), toWhatsApp);
        };
    }

    @Transactional(readOnly = true)
    public PageResult<DeliveredNotification> log(CondominiumId condo, NotificationFilter filter, int page, int size) {
        return PageResult.of(outbox.search(condo, filter, page, size), page, size, outbox.count(condo, filter));
    }

    /**
     * Puts a resident's sign-in code in the outbox, to go out through the condominium's gateway with the
     * {@link NotificationKind#SIGN_IN_CODE} template (a disabled template: SKIPPED, no code goes out). Once the message
     * is sent, failed or skipped its row no longer holds the code. One message per {@code codeId}.
     *
     * @return whether it is waiting to go out
     */
    @Transactional
    public boolean enqueueSignInCode(
            CondominiumId condo,
            long codeId,
            long residentId,
            String residentName,
            String phoneE164,
            String location,
            String code,
            java.time.Instant now) {
        NotificationTemplate template = templates.get(condo, NotificationKind.SIGN_IN_CODE);
        java.util.Map<String, String> values =
                java.util.Map.of("codigo", code, "localizacao", location, "nome", residentName);
        boolean enabled = template.enabled();
        outbox.insert(
                condo,
                new OutboxRepository.NewMessage(
                        NotificationKind.SIGN_IN_CODE,
                        "sign-in:" + codeId,
                        "resident:" + residentId,
                        phoneE164,
                        residentId,
                        residentName,
                        null,
                        null,
                        enabled ? Placeholders.render(template.body(), values) : OutboxRepository.HIDDEN_BODY,
                        enabled ? Placeholders.orderedValues(template.body(), values) : List.of(),
                        enabled ? NotificationStatus.PENDING : NotificationStatus.SKIPPED,
                        enabled ? null : "modelo desativado"),
                now);
        return enabled;
    }

    /** Runs the time-based rules whose time has come (the scheduler calls this every tick). */
    public int runDueChecks() {
        return dueChecks.runDueChecks();
    }

    /** Delivers the messages that are due (the scheduler calls this every tick). */
    public int deliverPending() {
        return worker.deliverPending();
    }
}
