package br.com.vetric.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.chargers.Chargers;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.dashboard.internal.Consumption;
import br.com.vetric.dashboard.internal.ConsumptionService;
import br.com.vetric.reports.Documents;
import br.com.vetric.reports.Statements;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.StatementSheet;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a newcomer gets from {@code ./mvnw spring-boot:run}: the simulator on loopback, polled over HTTP by the
 * real poller, with live sessions of identified residents within 30 s.
 */
@SpringBootTest(properties = {"vetric.sync.enabled=true", "vetric.sync.poll-interval=2s"})
@ActiveProfiles("test")
class DemoModeIntegrationTest {

    @Autowired
    CveProSimulator simulator;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Chargers chargers;

    @Autowired
    Sessions sessions;

    @Autowired
    Residents residents;

    @Autowired
    Statements statements;

    @Autowired
    Documents documents;

    @Autowired
    ConsumptionService consumption;

    @Test
    void theDemoShowsLiveSessionsOfIdentifiedResidentsWithin30Seconds() {
        CondominiumId condo = condominiums.primary().id();
        assertThat(simulator.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(residents.count(condo, null, false)).isEqualTo(20);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(chargers.list(condo)).hasSize(6);
            assertThat(sessions.openByConnector(condo).values())
                    .anySatisfy(s -> assertThat(s.identified()).isTrue());
        });
        assertThat(sessions.search(condo, SessionFilter.none(), 0, 500).totalElements())
                .isGreaterThan(5);
        assertThat(simulator.requestCount("/api/v1/transaction")).isPositive();
    }

    @Test
    void thePreviousMonthsStatementAndTheConsumptionPageAgreeToTheWhApartmentByApartment() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        YearMonth previous = YearMonth.now(Zones.SAO_PAULO).minusMonths(1);
        // the first poll imports the simulator's history since the start of the previous month
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sessions.search(
                                        condo,
                                        new SessionFilter(
                                                null,
                                                null,
                                                null,
                                                null,
                                                previous.atDay(1)
                                                        .atStartOfDay(Zones.SAO_PAULO)
                                                        .toInstant(),
                                                null,
                                                null),
                                        0,
                                        1)
                                .totalElements()
                        > 50);
        statements.generate(condo, previous, null);
        Map<String, Long> statement = new TreeMap<>();
        for (StatementSheet.Line l : StatementSheet.lines(documents, condo, previous)) {
            statement.merge(l.apartment(), l.monthWh(), Long::sum);
        }
        Consumption c = consumption.month(condo, previous);
        Map<String, Long> page = new TreeMap<>();
        c.apartments().forEach(a -> page.put(a.apartment(), a.energyWh()));
        if (c.unidentifiedWh() > 0 || statement.containsKey("Não identificado")) {
            page.put("Não identificado", c.unidentifiedWh());
        }
        assertThat(page).hasSizeGreaterThan(5).isEqualTo(statement);
        assertThat(c.totalWh())
                .isEqualTo(
                        statement.values().stream().mapToLong(Long::longValue).sum());
    }
}
