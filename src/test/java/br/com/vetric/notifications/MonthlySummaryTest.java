package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.reports.Statements;
import br.com.vetric.residents.Resident;
import br.com.vetric.support.SessionRows;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The month's WhatsApp summary to each resident: after the finished month's statement, once, with kWh and R$. */
class MonthlySummaryTest extends NotificationTestSupport {

    @Autowired
    Statements statements;

    private List<String> summariesTo(Resident r) {
        return textsTo(digits(r.phone())).stream()
                .filter(t -> t.contains("resumo de"))
                .toList();
    }

    @Test
    void aResidentHearsOnceWhatTheyConsumedAndOwedInTheMonthAfterItsStatement() {
        Resident r = resident(15);
        SessionRows.finished(
                jdbc,
                condo(),
                9_900_001L,
                "2026-02-10T09:00",
                "2026-02-10T12:00",
                21_250,
                r.id(),
                r.tags().getFirst());
        SessionRows.finished(
                jdbc,
                condo(),
                9_900_002L,
                "2026-02-20T09:00",
                "2026-02-20T11:00",
                21_250,
                r.id(),
                r.tags().getFirst());

        statements.generate(condo(), YearMonth.of(2026, 3), null); // the month in progress: nothing to tell yet
        settle();
        notifications.deliverPending();
        assertThat(summariesTo(r)).isEmpty();

        statements.generate(condo(), YearMonth.of(2026, 2), null);
        settle();
        notifications.deliverPending();
        assertThat(summariesTo(r))
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .startsWith("Olá, " + r.name() + "!")
                        .contains(
                                "resumo de fevereiro de 2026: você consumiu 42,50 kWh nos carregadores, no valor de R$ ")
                        .doesNotContain("—"));

        statements.generate(condo(), YearMonth.of(2026, 2), null); // a new version of the same month
        settle();
        notifications.deliverPending();
        assertThat(summariesTo(r)).as("once per month, whatever the versions").hasSize(1);
    }
}
