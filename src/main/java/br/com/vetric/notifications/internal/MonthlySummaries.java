package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.internal.OutboxRepository.NewMessage;
import br.com.vetric.platform.PtBr;
import br.com.vetric.reports.StatementGenerated;
import br.com.vetric.reports.StatementGenerated.ResidentLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * "Em outubro você consumiu 42,50 kWh, no valor de R$ 35,70": once per resident and month, after the month's
 * statement is generated with the month over (a statement of a month in progress says nothing). Regenerations and
 * the closing find the message already there (one per resident, month and kind), so each resident hears once. Residents
 * who turned notifications off, or have no phone, get a SKIPPED row saying so; the kind's template can be edited or
 * switched off per condominium like any other.
 */
@Component
class MonthlySummaries {

    private final NotificationRules rules;
    private final Enqueuer enqueuer;

    MonthlySummaries(NotificationRules rules, Enqueuer enqueuer) {
        this.rules = rules;
        this.enqueuer = enqueuer;
    }

    static String subject(StatementGenerated e, long residentId) {
        return "month:" + e.month() + ":resident:" + residentId;
    }

    @ApplicationModuleListener
    void on(StatementGenerated e) {
        if (e.partial()) {
            return;
        }
        Map<Long, Total> byResident = new LinkedHashMap<>();
        for (ResidentLine line : e.lines()) { // a resident with two apartments has two lines: one message
            byResident.merge(
                    line.residentId(),
                    new Total(line.wh(), line.cost()),
                    (a, b) -> new Total(a.wh + b.wh, a.cost.add(b.cost)));
        }
        byResident.values().removeIf(t -> t.wh <= 0);
        if (byResident.isEmpty()) {
            return;
        }
        RuleContext ctx = rules.context(e.condominiumId());
        ctx.loadResidents(byResident.keySet());
        List<NewMessage> messages = new ArrayList<>();
        byResident.forEach((id, total) -> ctx.resident(id)
                .ifPresent(r -> messages.add(enqueuer.toResident(
                        ctx,
                        NotificationKind.MONTHLY_SUMMARY,
                        subject(e, id),
                        r,
                        Map.of(
                                "mes", PtBr.month(e.month()),
                                "energia", PtBr.kwh(total.wh),
                                "valor", PtBr.money(total.cost))))));
        enqueuer.insert(ctx.condo, messages, ctx.now);
    }

    private record Total(long wh, BigDecimal cost) {}
}
