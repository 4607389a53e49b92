package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.residents.Resident;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A plan without WhatsApp sends nothing: the message due is recorded SKIPPED with the reason (the delivery log says
 * why), and once the plan includes WhatsApp again new messages go out.
 */
class PlanWithoutWhatsAppTest extends NotificationTestSupport {

    @Test
    void aBasicCondominiumsMessagesAreSkippedWithThePlanAsTheReason() {
        Resident r = resident(14);
        String to = digits(r.phone());
        int earlier = textsTo(to).size(); // the fake gateway keeps what earlier tests sent
        Condominium condominium = condominiums.primary();
        try {
            condominiums.update(condominium.id(), condominium.command().withPlan("basic"));
            simulator.plugIn("Garagem 4", r.tags().getFirst());
            simulator.startCharging("Garagem 4");
            cycle();
            long session = lastSessionId("Garagem 4");
            advance(Duration.ofMinutes(3).plusSeconds(30));
            cycle();
            assertThat(outboxRow(session, "CHARGING_STARTED"))
                    .containsEntry("status", "SKIPPED")
                    .containsEntry("last_error", "plano basic não inclui avisos por WhatsApp");
            assertThat(textsTo(to)).hasSize(earlier);
        } finally {
            condominiums.update(condominium.id(), condominium.command());
        }

        simulator.suspend("Garagem 4");
        advance(Duration.ofSeconds(10));
        cycle();
        assertThat(textsTo(to)).hasSize(earlier + 1);
        assertThat(textsTo(to).getLast()).contains("parou de consumir energia");

        simulator.stop("Garagem 4", "Local");
        simulator.unplug("Garagem 4");
        run(Duration.ofMinutes(5), Duration.ofSeconds(30));
    }
}
