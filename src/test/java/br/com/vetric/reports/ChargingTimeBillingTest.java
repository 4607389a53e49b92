package br.com.vetric.reports;

import static br.com.vetric.support.WebFixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.VetricApplication;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Users;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.SimulatorConfig;
import br.com.vetric.support.MutableClock;
import br.com.vetric.support.StatementSheet;
import br.com.vetric.sync.SyncCycle;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Energy is billed to the minutes the car really charged. On a working day (Tue 10/03/2026) with the demo's
 * 17:30–20:30 peak, driven through the simulator with a poll every 4 minutes:
 * <ul>
 *   <li>Garagem 1: charging 14:00–17:00, then idle, plugged in until 21:00: 0 Wh at peak;</li>
 *   <li>Garagem 2: charging 16:00–18:30, then idle until 22:00: 60 of its 150 charging minutes (40 %) at peak.</li>
 * </ul>
 * The statement and {@code /api/v1/consumption} agree to the Wh. The same sessions imported from history by a
 * second VETRIC that never watched them are spread over their whole duration, and its statement says so.
 */
@SpringBootTest(properties = "vetric.demo.live=false")
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(ChargingTimeBillingTest.Config.class)
class ChargingTimeBillingTest {

    static final Instant START =
            LocalDateTime.parse("2026-03-10T13:50").atZone(Zones.SAO_PAULO).toInstant();
    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final Duration STEP = Duration.ofMinutes(4);

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    CveProSimulator simulator;

    @Autowired
    SyncCycle sync;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

    @Autowired
    Statements statements;

    @Autowired
    Documents documents;

    @Autowired
    Users users;

    @Autowired
    MockMvc mvc;

    /** Polls every 4 minutes of simulated time until the local wall time. */
    void until(String localTime) {
        Instant target = LocalDateTime.of(2026, 3, 10, 0, 0)
                .with(LocalTime.parse(localTime))
                .atZone(Zones.SAO_PAULO)
                .toInstant();
        while (clock.instant().isBefore(target)) {
            Duration step = Duration.between(clock.instant(), target).compareTo(STEP) < 0
                    ? Duration.between(clock.instant(), target)
                    : STEP;
            clock.advance(step);
            simulator.advance(step);
            sync.run(condominiums.primary().id());
        }
    }

    @Test
    void watchedSessionsAreBilledByTheirChargingMinutesAndImportedOnesBySpreading() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        List<Resident> all = residents.list(condo, null, false, 0, 100);
        Resident ana = all.stream()
                .filter(r -> r.apartment().contains("101"))
                .findFirst()
                .orElseThrow();
        Resident bruno = all.stream()
                .filter(r -> r.apartment().contains("202"))
                .findFirst()
                .orElseThrow();
        sync.run(condo);

        until("14:00");
        simulator.plugIn("Garagem 1", ana.tags().getFirst());
        simulator.startCharging("Garagem 1");
        until("16:00");
        simulator.plugIn("Garagem 2", bruno.tags().getFirst());
        simulator.startCharging("Garagem 2");
        until("17:00");
        simulator.suspend("Garagem 1");
        until("18:30");
        simulator.suspend("Garagem 2");
        until("21:00");
        simulator.stop("Garagem 1", "EVDisconnected");
        simulator.unplug("Garagem 1");
        until("22:00");
        simulator.stop("Garagem 2", "EVDisconnected");
        simulator.unplug("Garagem 2");
        until("22:10");

        statements.generate(condo, MARCH, null);
        Map<String, Line> lines = statementLines(documents, condo);
        Line a = lines.get("10/03/2026 14:00");
        Line b = lines.get("10/03/2026 16:00");
        assertThat(a.basis).isEqualTo("medida");
        assertThat(b.basis).isEqualTo("medida");
        assertThat(a.totalWh).as("Garagem 1 charged for 3 h").isPositive();
        assertThat(a.peakWh).as("not one watt-hour was drawn at peak").isZero();
        assertThat(b.peakWh).isEqualTo(fortyPercent(b.totalWh));

        // the consumption API gives each apartment the same peak and off-peak Wh as the statement
        String json = mvc.perform(
                        get("/api/v1/consumption").param("month", "2026-03").with(admin(users)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, long[]> apartments = new HashMap<>();
        List<Map<String, Object>> rows = JsonPath.read(json, "$.apartments");
        for (Map<String, Object> r : rows) {
            apartments.put(
                    (String) r.get("apartment"),
                    new long[] {((Number) r.get("peakWh")).longValue(), ((Number) r.get("offPeakWh")).longValue()});
        }
        assertThat(apartments.get(ana.unit())).containsExactly(a.peakWh, a.totalWh - a.peakWh);
        assertThat(apartments.get(bruno.unit())).containsExactly(b.peakWh, b.totalWh - b.peakWh);
        assertThat(((Number) JsonPath.read(json, "$.totalWh")).longValue()).isEqualTo(a.totalWh + b.totalWh);

        // a second VETRIC that only learns of these sessions from CVE-PRO's history spreads them
        SimulatorConfig sim = simulator.config();
        try (ConfigurableApplicationContext importer = new SpringApplicationBuilder(
                        VetricApplication.class, ImporterClock.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--vetric.cpms.url=" + simulator.baseUrl(),
                        "--vetric.cpms.api-key=" + sim.apiKey(),
                        "--vetric.cpms.email=" + sim.email(),
                        "--vetric.cpms.password=" + sim.password())) {
            CondominiumId other = importer.getBean(Condominiums.class).primary().id();
            importer.getBean(Tariffs.class)
                    .save(
                            other,
                            Tariff.timeOfUse(
                                    new BigDecimal("1.25"),
                                    new BigDecimal("0.78"),
                                    LocalTime.of(17, 30),
                                    LocalTime.of(20, 30)),
                            null);
            assertThat(importer.getBean(SyncCycle.class).run(other).success()).isTrue();
            importer.getBean(Statements.class).generate(other, MARCH, null);
            Map<String, Line> imported = statementLines(importer.getBean(Documents.class), other);
            Line ia = imported.get("10/03/2026 14:00");
            Line ib = imported.get("10/03/2026 16:00");
            assertThat(ia.basis).isEqualTo("rateada");
            assertThat(ib.basis).isEqualTo("rateada");
            assertThat(ia.totalWh).isEqualTo(a.totalWh);
            // spread over 14:00–21:00: 3 of 7 hours at peak (the 43 % the issue complained about)
            assertThat(ia.peakWh).isBetween(ia.totalWh * 3 / 7, ia.totalWh * 3 / 7 + 1);
            // spread over 16:00–22:00: 3 of 6 hours
            assertThat(ib.peakWh).isBetween(ib.totalWh / 2, ib.totalWh / 2 + 1);
        }
    }

    /** 60 of 150 minutes, by largest remainder (two parts; a tie goes to the earlier, off-peak, part). */
    static long fortyPercent(long wh) {
        long off = wh * 3 / 5;
        long peak = wh * 2 / 5;
        long left = wh - off - peak;
        return left > 0 && (wh * 2) % 5 > (wh * 3) % 5 ? peak + 1 : peak;
    }

    record Line(long totalWh, long peakWh, String basis) {}

    /** The statement's session rows, by their start time as printed. */
    static Map<String, Line> statementLines(Documents documents, CondominiumId condo) throws Exception {
        Map<String, Line> lines = new HashMap<>();
        for (StatementSheet.Line l : StatementSheet.lines(documents, condo, MARCH)) {
            lines.put(l.start(), new Line(l.monthWh(), l.peakWh(), l.basis()));
        }
        return lines;
    }
}

/** The importer's clock: the evening the sessions ended. Not nested, so the test's own context does not load it. */
@TestConfiguration(proxyBeanMethods = false)
class ImporterClock {
    @Bean
    @Primary
    Clock eveningClock() {
        return Clock.fixed(
                LocalDateTime.parse("2026-03-10T22:30").atZone(Zones.SAO_PAULO).toInstant(), ZoneOffset.UTC);
    }
}
