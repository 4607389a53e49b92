package br.com.vetric.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.chargers.Chargers;
import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.dashboard.internal.Consumption;
import br.com.vetric.dashboard.internal.ConsumptionService;
import br.com.vetric.identity.Users;
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
import java.time.ZoneId;
import java.util.List;
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
@SpringBootTest(
        properties = {
            "vetric.sync.enabled=true",
            "vetric.sync.poll-interval=2s",
            "vetric.reports.catch-up-on-start=true"
        })
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

    @Autowired
    Users users;

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

    /**
     * The demo's portfolio (#11): the Edifício Jardins on the Residencial's account (its chargers assigned to it, its
     * residents holding the Residencial's card numbers and identified by them there), the Residencial Rio Negro on its
     * own account in America/Manaus, each with live sessions and the previous month's statement in its own zone, and a
     * professional síndica of the last two.
     */
    @Test
    void theDemoHasThreeCondominiumsTwoOnOneAccountOneInManausAndASindicaOfTwo() {
        CondominiumId primary = condominiums.primary().id();
        Condominium jardins = named(DemoPortfolio.JARDINS);
        Condominium rioNegro = named(DemoPortfolio.RIO_NEGRO);
        assertThat(rioNegro.zone()).isEqualTo(ZoneId.of("America/Manaus"));
        assertThat(residents.count(jardins.id(), null, false)).isEqualTo(8);
        assertThat(residents.count(rioNegro.id(), null, false)).isEqualTo(8);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(chargers.list(primary)).hasSize(6);
            assertThat(chargers.list(jardins.id())).hasSize(3);
            assertThat(chargers.list(rioNegro.id())).hasSize(3);
            assertThat(sessions.search(jardins.id(), SessionFilter.none(), 0, 500)
                            .content())
                    .as("a Residencial card number identifies a Jardins resident on the Jardins's chargers")
                    .anySatisfy(x -> assertThat(x.identified()).isTrue());
            assertThat(sessions.search(rioNegro.id(), SessionFilter.none(), 0, 500)
                            .totalElements())
                    .isPositive();
            for (Condominium c : List.of(jardins, rioNegro)) {
                assertThat(statements.of(c.id(), YearMonth.now(c.zone()).minusMonths(1)))
                        .as("the previous month's statement of " + c.name())
                        .isNotEmpty();
            }
        });
        assertThat(users.list())
                .filteredOn(u -> u.email().equals(DemoPortfolio.PROFESSIONAL_EMAIL))
                .singleElement()
                .satisfies(u -> assertThat(u.condominiumIds())
                        .containsExactlyInAnyOrder(
                                jardins.id().value(), rioNegro.id().value()));
    }

    Condominium named(String name) {
        return condominiums.all().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
