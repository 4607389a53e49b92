package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.residents.Resident;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A deactivated condominium sends nothing: the message waiting when it was deactivated is SKIPPED with the reason
 * (so a reactivation sends nothing stale), and once reactivated its new messages go out again.
 */
class DeactivatedCondominiumNotificationsTest extends NotificationTestSupport {

    @Test
    void aDeactivatedCondominiumsWaitingMessageIsSkippedWithTheReasonAndNewOnesFlowAfterReactivation() {
        Resident r = resident(12);
        String to = digits(r.phone());
        simulator.plugIn("Garagem 3", r.tags().getFirst());
        simulator.startCharging("Garagem 3");
        cycle();
        long session = lastSessionId("Garagem 3");
        advance(Duration.ofMinutes(3).plusSeconds(30));
        sync.run(condo());
        settle();
        notifications.runDueChecks();
        assertThat(outboxRow(session, "CHARGING_STARTED")).containsEntry("status", "PENDING");

        Condominium condominium = condominiums.primary();
        try {
            condominiums.update(condominium.id(), condominium.command().withActive(false));
            notifications.deliverPending();
            assertThat(outboxRow(session, "CHARGING_STARTED"))
                    .containsEntry("status", "SKIPPED")
                    .containsEntry("last_error", "condomínio desativado");
            assertThat(textsTo(to)).isEmpty();
        } finally {
            condominiums.update(condominium.id(), condominium.command().withActive(true));
        }

        simulator.suspend("Garagem 3");
        advance(Duration.ofSeconds(10));
        cycle();
        assertThat(textsTo(to)).hasSize(1);
        assertThat(textsTo(to).getFirst()).contains("parou de consumir energia");
        assertThat(outboxRow(session, "CHARGING_STARTED")).containsEntry("status", "SKIPPED");

        simulator.stop("Garagem 3", "Local");
        simulator.unplug("Garagem 3");
        run(Duration.ofMinutes(5), Duration.ofSeconds(30));
    }
}
