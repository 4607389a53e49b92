package br.com.vetric.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.reports.internal.StatementService;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import br.com.vetric.support.SessionRows;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #10's statements, against the real database, each test in a condominium of its own: tariffs with effective
 * dates on regeneration, versions and their PARCIAL/RASCUNHO marks read back from the PDF, the outdated flag after a tag
 * assignment, a late finished session and a tariff change, and the lines per resident (event, API, CSV for the administration company).
 */
@WebTest
@RecordApplicationEvents
class StatementVersionsTest {

    static final AtomicLong TX = new AtomicLong(7_700_000 + (System.nanoTime() % 100_000) * 10);

    @Autowired
    Condominiums condominiums;

    @Autowired
    Statements statements;

    @Autowired
    StatementService statementService;

    @Autowired
    Tariffs tariffs;

    @Autowired
    Documents documents;

    @Autowired
    Residents residents;

    @Autowired
    Sessions sessions;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    CondominiumId newCondominium() {
        return condominiums
                .create(new br.com.vetric.condominium.CondominiumCommand(
                        "Condomínio Extratos " + System.nanoTime(), null, null, null, null, null, "premium", true))
                .id();
    }

    @Test
    void regeneratingAPastMonthUsesTheTariffInForceThenAndEachDayIsPricedWithItsOwnTariff() {
        CondominiumId condo = newCondominium();
        Resident ana = resident(condo, "Ana Souza", "101", null);
        tariffs.save(condo, Tariff.flat(new BigDecimal("1.00")), LocalDate.of(2000, 1, 1), null);
        session(condo, "2025-09-10T10:00", "2025-09-10T11:00", 2_000, ana.id(), "ANA");
        session(condo, "2025-10-10T10:00", "2025-10-10T11:00", 3_000, ana.id(), "ANA");
        session(condo, "2025-10-20T10:00", "2025-10-20T11:00", 1_000, ana.id(), "ANA");
        YearMonth sep = YearMonth.of(2025, 9);
        YearMonth oct = YearMonth.of(2025, 10);
        assertThat(statements.generate(condo, sep, null).totalCost()).isEqualByComparingTo("2.00");

        // from 15/10/2025 energy costs R$ 2,00; regenerating September still uses the R$ 1,00 in force then
        tariffs.save(condo, Tariff.flat(new BigDecimal("2.00")), LocalDate.of(2025, 10, 15), null);
        Statement september = statements.generate(condo, sep, null);
        assertThat(september.version()).isEqualTo(2);
        assertThat(september.totalCost()).isEqualByComparingTo("2.00");
        // October: 3 kWh on the 10th at R$ 1,00 + 1 kWh on the 20th at R$ 2,00
        assertThat(statements.generate(condo, oct, null).totalCost()).isEqualByComparingTo("5.00");

        // from Mon 27/10/2025 a time-of-use tariff with another peak window (18:00–20:59): each day keeps its own
        tariffs.save(
                condo,
                Tariff.timeOfUse(
                        new BigDecimal("2.00"), new BigDecimal("1.00"), LocalTime.of(18, 0), LocalTime.of(21, 0)),
                LocalDate.of(2025, 10, 27),
                null);
        // Mon 27/10 17:00–19:00, 4 kWh: 2 kWh off-peak (R$ 1,00) + 2 kWh peak (R$ 2,00) = R$ 6,00
        session(condo, "2025-10-27T17:00", "2025-10-27T19:00", 4_000, ana.id(), "ANA");
        // Fri 24/10 18:00–19:00, 2 kWh: still the flat R$ 2,00 (no peak then) = R$ 4,00
        session(condo, "2025-10-24T18:00", "2025-10-24T19:00", 2_000, ana.id(), "ANA");
        Statement october = statements.generate(condo, oct, null);
        // 3,00 (10/10) + 2,00 (20/10) + 4,00 (24/10) + 6,00 (27/10)
        assertThat(october.totalCost()).isEqualByComparingTo("15.00");
        assertThat(october.peakWh()).isEqualTo(2_000);
        assertThat(october.energyWh()).isEqualTo(3_000 + 1_000 + 4_000 + 2_000);
        assertThat(statements.lines(condo, october.id())).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualByComparingTo("15.00");
            assertThat(l.peakWh() + l.offPeakWh()).isEqualTo(l.energyWh());
        });

        // pages price a session by the same rule: Tariffs.cost of the session placed with today's tariff's window
        List<SessionEnergy> placed = sessions.energy(
                condo,
                oct.atDay(1).atStartOfDay(Zones.SAO_PAULO).toInstant(),
                oct.plusMonths(1).atDay(1).atStartOfDay(Zones.SAO_PAULO).toInstant(),
                tariffs.tariff(condo).peakWindow(),
                Zones.SAO_PAULO);
        assertThat(placed)
                .extracting(e -> tariffs.cost(condo, e, oct))
                .map(BigDecimal::toPlainString)
                .containsExactlyInAnyOrder("3.00", "2.00", "4.00", "6.00");
    }

    @Test
    void everyGenerationIsANewVersionWithItsMarksPrintedAndTheEarlierOnesStayDownloadable() throws Exception {
        CondominiumId condo = newCondominium();
        Resident ana = resident(condo, "Ana Souza", "101", null);
        tariffs.save(condo, Tariff.flat(new BigDecimal("1.00")), null, null);
        YearMonth aug = YearMonth.of(2025, 8);
        session(condo, "2025-08-05T10:00", "2025-08-05T11:00", 1_500, ana.id(), "ANA");

        Statement v1 = statements.generate(condo, aug, null);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.partial()).isFalse();
        assertThat(v1.draft()).isTrue();
        String first = pdfText(condo, v1);
        assertThat(first)
                .contains("Versão 1 · gerada em", "RASCUNHO", "R$ 1,50")
                .doesNotContain("PARCIAL");
        assertThat(first).contains("Página 1 de ", "Apartamento 101");

        Statement v2 = statements.generate(condo, aug, null);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(pdfText(condo, v2)).contains("Versão 2 · gerada em", "RASCUNHO");
        assertThat(pdfText(condo, v1))
                .as("the earlier version is kept as it was")
                .contains("Versão 1 · gerada em");
        assertThat(statements.of(condo, aug)).extracting(Statement::version).containsExactly(2, 1);

        Statement closed = statements.close(condo, aug, null);
        assertThat(closed.version()).isEqualTo(3);
        assertThat(closed.draft()).isFalse();
        assertThat(closed.monthClosed()).isTrue();
        assertThat(pdfText(condo, closed))
                .contains("Versão 3 · gerada em", "Versão final")
                .doesNotContain("RASCUNHO", "PARCIAL");
        assertThat(statements.close(condo, aug, null).version())
                .as("closing twice")
                .isEqualTo(3);
        try (InputStream in = Files.newInputStream(file(condo, closed, ReportFormat.XLSX));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Resumo");
            assertThat(wb.getSheet("Resumo").getRow(1).getCell(0).getStringCellValue())
                    .startsWith("Versão 3 · gerada em");
            assertThat(wb.getSheet("Carregamentos").getRow(1).getCell(4).getLocalDateTimeCellValue())
                    .as("dates are real dates")
                    .isEqualTo(LocalDateTime.parse("2025-08-05T10:00"));
        }

        // the month in progress: PARCIAL and RASCUNHO, and it cannot be closed yet
        YearMonth now = YearMonth.from(clock.instant().atZone(Zones.SAO_PAULO));
        Statement partial = statements.generate(condo, now, null);
        assertThat(partial.partial()).isTrue();
        assertThat(pdfText(condo, partial)).contains("PARCIAL", "RASCUNHO", "Versão 1 · gerada em");
        assertThatThrownBy(() -> statements.close(condo, now, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aSessionWhoseEnergyComesAtTheEndReadsSoInTheStatementInProgressNotAsZero() throws Exception {
        CondominiumId condo = newCondominium();
        Resident ana = resident(condo, "Ana Souza", "101", null);
        tariffs.save(condo, Tariff.flat(new BigDecimal("1.00")), null, null);
        YearMonth now = YearMonth.from(clock.instant().atZone(Zones.SAO_PAULO));
        Instant monthStart = now.atDay(1).atStartOfDay(Zones.SAO_PAULO).toInstant();
        Instant halfAnHourAgo = clock.instant().minus(Duration.ofMinutes(30));
        SessionRows.chargingWithEnergyAtTheEnd(
                jdbc,
                condo,
                TX.incrementAndGet(),
                halfAnHourAgo.isAfter(monthStart) ? halfAnHourAgo : monthStart,
                ana.id(),
                "ANA");

        Statement partial = statements.generate(condo, now, null);
        String pdf = pdfText(condo, partial);
        assertThat(pdf).contains("em andamento", "informada ao final", "Energia informada ao final:");
        try (InputStream in = Files.newInputStream(file(condo, partial, ReportFormat.XLSX));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var row = wb.getSheet("Carregamentos").getRow(1);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("em andamento");
            for (int col = 6; col <= 9; col++) {
                assertThat(row.getCell(col).getStringCellValue())
                        .as("kWh column %d", col)
                        .isEqualTo("informada ao final");
            }
            assertThat(row.getCell(11)).as("no R$ 0,00 for it").isNull();
            assertThat(row.getCell(12).getStringCellValue()).contains("energia informada ao final");
        }
    }

    @Test
    void aTagAssignedAfterTheStatementMakesItOutdatedUntilANewVersion() {
        CondominiumId condo = newCondominium();
        Resident bia = resident(condo, "Beatriz Lima", "202", null);
        tariffs.save(condo, Tariff.flat(new BigDecimal("1.00")), null, null);
        YearMonth jul = YearMonth.of(2025, 7);
        session(condo, "2025-07-08T09:00", "2025-07-08T10:00", 2_500, null, "CARD-OF-BIA");
        Statement before = statements.generate(condo, jul, null);
        assertThat(before.outdated()).isFalse();
        assertThat(statements.lines(condo, before.id())).isEmpty(); // nobody identified yet

        residents.assignTag(condo, bia.id(), "card-of-bia");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(statements.of(condo, jul))
                        .first()
                        .satisfies(s -> {
                            assertThat(s.outdated()).isTrue();
                            assertThat(s.outdatedReason()).isEqualTo(Statement.OutdatedReason.TAG_ASSIGNED);
                        }));
        Statement after = statements.generate(condo, jul, null);
        assertThat(after.outdated()).isFalse();
        assertThat(statements.lines(condo, after.id())).singleElement().satisfies(l -> {
            assertThat(l.residentName()).isEqualTo("Beatriz Lima");
            assertThat(l.energyWh()).isEqualTo(2_500);
            assertThat(l.amount()).isEqualByComparingTo("2.50");
        });
        // nothing changed since: checking again does not flag it
        assertThat(statementService.recheck(condo, jul, Statement.OutdatedReason.SESSION_CHANGED))
                .isFalse();
    }

    @Test
    void aPollsBatchWithASessionFinishedLateInAMonthWithAStatementMakesItOutdated() {
        CondominiumId condo = newCondominium();
        Resident ana = resident(condo, "Ana Souza", "101", null);
        tariffs.save(condo, Tariff.flat(new BigDecimal("1.00")), null, null);
        YearMonth aug = YearMonth.of(2025, 8);
        session(condo, "2025-08-05T09:00", "2025-08-05T10:00", 1_000, ana.id(), "ANA");
        assertThat(statements.generate(condo, aug, null).outdated()).isFalse();

        // VETRIC learns only now of a session that ended on 30/08, in one batch with one from a month with no statement
        long late = session(condo, "2025-08-30T09:00", "2025-08-30T10:00", 1_500, ana.id(), "ANA");
        long other = session(condo, "2025-09-02T09:00", "2025-09-02T10:00", 700, ana.id(), "ANA");
        transactions.executeWithoutResult(tx -> publisher.publishEvent(new SessionsChanged(
                condo,
                List.of(
                        finished(condo, late, "2025-08-30T09:00", "2025-08-30T10:00", 1_500, ana.id()),
                        finished(condo, other, "2025-09-02T09:00", "2025-09-02T10:00", 700, ana.id())))));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(statements.of(condo, aug))
                        .first()
                        .satisfies(s -> {
                            assertThat(s.outdated()).isTrue();
                            assertThat(s.outdatedReason()).isEqualTo(Statement.OutdatedReason.SESSION_CHANGED);
                        }));
        assertThat(statements.generate(condo, aug, null).totalCost()).isEqualByComparingTo("2.50");
    }

    SessionFinished finished(CondominiumId condo, long id, String start, String end, long wh, Long resident) {
        return new SessionFinished(
                condo,
                id,
                "uuid-test",
                "Garagem 1",
                1,
                resident,
                "ANA",
                LocalDateTime.parse(start).atZone(Zones.SAO_PAULO).toInstant(),
                LocalDateTime.parse(end).atZone(Zones.SAO_PAULO).toInstant(),
                wh,
                null,
                SessionStatus.CHARGING,
                true,
                false,
                true);
    }

    @Test
    void aTariffChangeForTheMonthMakesItsStatementOutdatedAndOneFromALaterMonthDoesNot() {
        CondominiumId condo = newCondominium();
        Resident ana = resident(condo, "Ana Souza", "101", null);
        tariffs.save(condo, Tariff.flat(new BigDecimal("1.00")), null, null);
        YearMonth jun = YearMonth.of(2025, 6);
        session(condo, "2025-06-20T09:00", "2025-06-20T10:00", 1_000, ana.id(), "ANA");
        statements.generate(condo, jun, null);

        tariffs.save(condo, Tariff.flat(new BigDecimal("3.00")), LocalDate.of(2025, 7, 1), null);
        assertThat(statementService.recheck(condo, jun, Statement.OutdatedReason.TARIFF_CHANGED))
                .isFalse();
        assertThat(statements.of(condo, jun).getFirst().outdated()).isFalse();

        tariffs.save(condo, Tariff.flat(new BigDecimal("2.00")), LocalDate.of(2025, 6, 15), null);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(statements.of(condo, jun))
                        .first()
                        .satisfies(s ->
                                assertThat(s.outdatedReason()).isEqualTo(Statement.OutdatedReason.TARIFF_CHANGED)));
        assertThat(statements.generate(condo, jun, null).totalCost()).isEqualByComparingTo("2.00");
    }

    @Test
    void eachResidentHasALineInTheEventTheApiAndTheAdministrationsCsv() throws Exception {
        CondominiumId condo = newCondominium();
        Resident ana = resident(condo, "Ana Souza", "101", "Torre A");
        Resident bruno = resident(condo, "Bruno Lima", "101", "Torre A");
        Resident carla = resident(condo, "Carla Dias", "202", null);
        tariffs.save(condo, Tariff.flat(new BigDecimal("0.80")), null, null);
        YearMonth may = YearMonth.of(2025, 5);
        session(condo, "2025-05-05T10:00", "2025-05-05T11:00", 10_000, ana.id(), "ANA");
        session(condo, "2025-05-06T10:00", "2025-05-06T11:00", 1_250, bruno.id(), "BRUNO");
        session(condo, "2025-05-07T10:00", "2025-05-07T11:00", 2_001, carla.id(), "CARLA");
        session(condo, "2025-05-08T10:00", "2025-05-08T11:00", 500, null, "NOBODY");
        Statement s = statements.generate(condo, may, null);

        StatementGenerated event = events.stream(StatementGenerated.class)
                .filter(e -> e.statementId() == s.id())
                .findFirst()
                .orElseThrow();
        assertThat(event.condominiumId()).isEqualTo(condo);
        assertThat(event.month()).isEqualTo(may);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.lines())
                .extracting(l -> l.residentId() + " " + l.apartment() + " " + l.wh() + " " + l.cost())
                .containsExactly(
                        ana.id() + " 101 · Torre A 10000 8.00",
                        bruno.id() + " 101 · Torre A 1250 1.00",
                        carla.id() + " 202 2001 1.60");

        String email = "sindico" + System.nanoTime() + "@extratos.test";
        users.create(email, "Síndico", Role.CLIENTE, condo.value(), "sindico-password");
        mvc.perform(get("/api/v1/reports/statements/" + s.id() + "/lines")
                        .with(WebFixtures.as(users, email, "sindico-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].apartment").value("101"))
                .andExpect(jsonPath("$[0].tower").value("A")) // stored normalised: unit 101, tower A
                .andExpect(jsonPath("$[0].residentName").value("Ana Souza"))
                .andExpect(jsonPath("$[0].energyWh").value(10_000))
                .andExpect(jsonPath("$[0].amount").value(8.00))
                .andExpect(jsonPath("$[2].tower").doesNotExist());
        byte[] csv = mvc.perform(get("/reports/statements/" + s.id() + "/units.csv")
                        .with(WebFixtures.as(users, email, "sindico-password")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition", org.hamcrest.Matchers.containsString("apartamentos.csv")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8).split("\r\n"))
                .containsExactly(
                        "\uFEFFApartamento;Torre;Moradores;Carregamentos;Energia (kWh);Ponta (kWh);"
                                + "Fora de ponta (kWh);Valor (R$)",
                        "101;A;Ana Souza / Bruno Lima;2;11,250;0,000;11,250;9,00",
                        "202;;Carla Dias;1;2,001;0,000;2,001;1,60");
        // another condominium's síndico does not see them
        mvc.perform(get("/api/v1/reports/statements/" + s.id() + "/lines").with(WebFixtures.cliente(users)))
                .andExpect(status().isNotFound());
    }

    Resident resident(CondominiumId condo, String name, String apartment, String tower) {
        return residents.create(condo, new ResidentCommand(name, apartment, tower, null, List.of(), false));
    }

    long session(CondominiumId condo, String start, String end, long wh, Long resident, String tag) {
        return SessionRows.finished(jdbc, condo, TX.incrementAndGet(), start, end, wh, resident, tag);
    }

    java.nio.file.Path file(CondominiumId condo, Statement s, ReportFormat format) {
        Report r = documents.list(condo, s.year(), s.month(), Report.Kind.STATEMENT, true).stream()
                .filter(x -> x.statementId() == s.id() && x.format() == format)
                .findFirst()
                .orElseThrow();
        return documents.download(condo, r.id(), true).path();
    }

    String pdfText(CondominiumId condo, Statement s) throws Exception {
        try (var doc = Loader.loadPDF(Files.readAllBytes(file(condo, s, ReportFormat.PDF)))) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
