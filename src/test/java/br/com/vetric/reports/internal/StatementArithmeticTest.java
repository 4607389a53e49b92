package br.com.vetric.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.reports.Tariff;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.UnidentifiedReason;
import br.com.vetric.shared.BrazilianHolidays;
import br.com.vetric.shared.EndReason;
import br.com.vetric.shared.Zones;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Hand-computed fixtures; tariff peak 17:30–20:29 (end 20:30 exclusive), R$ 1,20 peak, R$ 0,70 off-peak. */
class StatementArithmeticTest {

    static final Tariff TOU = Tariff.timeOfUse(
            new BigDecimal("1.20"), new BigDecimal("0.70"), LocalTime.of(17, 30), LocalTime.of(20, 30));
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

    static Instant sp(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Zones.SAO_PAULO).toInstant();
    }

    /** A finished session of one resident between two instants. */
    static ChargingSession between(Instant start, Instant end, long wh) {
        return new ChargingSession(
                1,
                1L,
                "u",
                "G",
                1,
                "T",
                1L,
                "A",
                "1",
                SessionStatus.FINISHED,
                start,
                end,
                wh,
                null,
                null,
                0,
                EndReason.LOCAL,
                null,
                false);
    }

    static ChargingSession session(
            long id,
            String start,
            String end,
            long wh,
            Long residentId,
            String name,
            String apartment,
            String tag,
            long idleSeconds) {
        return new ChargingSession(
                id,
                1000 + id,
                "uuid-1",
                "Garagem 1",
                1,
                tag,
                residentId,
                name,
                apartment,
                SessionStatus.FINISHED,
                sp(start),
                end == null ? null : sp(end),
                wh,
                null,
                null,
                idleSeconds,
                EndReason.LOCAL,
                residentId == null ? UnidentifiedReason.TAG_NOT_REGISTERED : null,
                false);
    }

    /** Sessions VETRIC did not watch live: their energy spread over their whole duration. */
    static List<SessionEnergy> spread(Tariff tariff, Instant now, ChargingSession... sessions) {
        return java.util.Arrays.stream(sessions)
                .map(s -> SessionEnergy.spread(s, tariff.peakWindow(), Zones.SAO_PAULO, now))
                .toList();
    }

    static SessionEnergy split(String start, String end, long wh) {
        return SessionEnergy.spread(
                session(1, start, end, wh, 1L, "Ana", "101", "AAA", 0), TOU.peakWindow(), Zones.SAO_PAULO, NOW);
    }

    @Test
    void sessionCrossingPeakStartIsSplitByTime() {
        // Mon 2026-10-05 17:00–18:00: 30 min off-peak, 30 min peak; 10,001 Wh -> 5,000.5 each; tie goes to the earlier
        // part
        SessionEnergy parts = split("2026-10-05T17:00", "2026-10-05T18:00", 10_001);
        assertThat(parts.offPeakWh(OCT)).isEqualTo(5_001L);
        assertThat(parts.peakWh(OCT)).isEqualTo(5_000L);
        // cost: 5,000 Wh × 1,20 + 5,001 Wh × 0,70 = 6,00 + 3,5007 = 9,5007 -> R$ 9,50
        assertThat(StatementCalculator.cost(5_000, 5_001, TOU)).isEqualByComparingTo("9.50");
    }

    /** The tariff the demo seeds (demo.DemoSeeder): peak R$ 1,25, off-peak R$ 0,78, 17:30–20:29 on working days. */
    static final Tariff DEMO = Tariff.timeOfUse(
            new BigDecimal("1.25"), new BigDecimal("0.78"), LocalTime.of(17, 30), LocalTime.of(20, 30));

    @Test
    void demoTariffSessionCrossingPeakStartOnAWorkingDayIsPricedByTheHand() throws Exception {
        // Thu 2026-10-08 (working day) 17:10–18:30 = 80 min: 20 min off-peak (17:10–17:30), 60 min peak.
        // 8,000 Wh -> off-peak 8,000 × 20/80 = 2,000 Wh, peak 6,000 Wh.
        // cost = 6,000 kWh × 1,25 = 7,50 + 2,000 kWh × 0,78 = 1,56 -> R$ 9,06
        // Wed 2026-10-07 17:00–17:45 = 45 min: 30 min off-peak, 15 min peak. 7,777 Wh -> 5,184.67 / 2,592.33;
        // the leftover Wh goes to the larger remainder (off-peak): off-peak 5,185 Wh, peak 2,592 Wh.
        // cost = 2,592 × 1,25 = 3,24 + 5,185 × 0,78 = 4,0443 -> 7,2843 -> R$ 7,28
        // Sat 2026-10-10 17:10–18:30 (weekend), 8,000 Wh: all off-peak, 8 × 0,78 = R$ 6,24
        List<SessionEnergy> sessions = spread(
                DEMO,
                NOW,
                session(1, "2026-10-08T17:10", "2026-10-08T18:30", 8_000, 1L, "Ana", "101", "AAA", 0),
                session(2, "2026-10-07T17:00", "2026-10-07T17:45", 7_777, 1L, "Ana", "101", "AAA", 0),
                session(3, "2026-10-10T17:10", "2026-10-10T18:30", 8_000, 1L, "Ana", "101", "AAA", 0));
        StatementData d = StatementCalculator.compute("Condomínio Demo", OCT, 1, DEMO, Zones.SAO_PAULO, NOW, sessions);
        List<StatementData.Line> lines =
                d.apartments().getFirst().residents().getFirst().lines(); // chronological
        assertThat(lines).extracting(l -> l.session().id()).containsExactly(2L, 1L, 3L);
        assertThat(lines.get(0).peakWh()).isEqualTo(2_592);
        assertThat(lines.get(0).offPeakWh()).isEqualTo(5_185);
        assertThat(lines.get(0).cost()).isEqualByComparingTo("7.28");
        assertThat(lines.get(1).peakWh()).isEqualTo(6_000);
        assertThat(lines.get(1).offPeakWh()).isEqualTo(2_000);
        assertThat(lines.get(1).cost()).isEqualByComparingTo("9.06");
        assertThat(lines.get(2).peakWh()).isZero();
        assertThat(lines.get(2).cost()).isEqualByComparingTo("6.24");
        assertThat(d.totals().cost()).isEqualByComparingTo("22.58");
        assertThat(d.totals().peakWh()).isEqualTo(8_592);

        StatementFiles.Files files = StatementFiles.write(d);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.xlsx()))) {
            Sheet sh = wb.getSheet("Carregamentos");
            assertThat(sh.getRow(0).getCell(11).getStringCellValue()).isEqualTo("Custo (R$)");
            assertThat(sh.getRow(1).getCell(11).getNumericCellValue()).isEqualTo(7.28);
            assertThat(sh.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(6.0); // peak kWh
            assertThat(sh.getRow(2).getCell(9).getNumericCellValue()).isEqualTo(2.0); // off-peak kWh
            assertThat(sh.getRow(2).getCell(11).getNumericCellValue()).isEqualTo(9.06);
            assertThat(sh.getRow(3).getCell(11).getNumericCellValue()).isEqualTo(6.24);
            assertThat(sh.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(sh.getRow(4).getCell(11).getNumericCellValue()).isEqualTo(22.58);
        }
        assertThat(pdfText(files.pdf()))
                .contains("R$ 9,06", "R$ 7,28", "R$ 6,24", "R$ 22,58", "17:30–20:29", "R$ 1,25", "R$ 0,78");
    }

    @Test
    void sessionCrossingMidnightAndPeakEnd() {
        // Tue 2026-10-06 20:00 -> Wed 01:00 (5 h = 300 min): peak 20:00–20:30 = 30 min, off-peak 270 min. 9,000 Wh
        // peak = 9,000 × 30/300 = 900 Wh; off-peak 8,100 Wh (split at 20:30 and midnight, same month)
        SessionEnergy parts = split("2026-10-06T20:00", "2026-10-07T01:00", 9_000);
        assertThat(parts.peakWh(OCT)).isEqualTo(900L);
        assertThat(parts.offPeakWh(OCT)).isEqualTo(8_100L);
    }

    @Test
    void sessionCrossingMonthBoundaryKeepsOnlyTheMonthsShare() {
        // Sat 2026-10-31 22:00 -> Sun 2026-11-01 02:00: 2 h in October, 2 h in November, all off-peak. 7,777 Wh:
        // 3,888.5 each; the tie goes to the earlier (October) part: 3,889 + 3,888
        ChargingSession s = session(1, "2026-10-31T22:00", "2026-11-01T02:00", 7_777, 1L, "Ana", "101", "AAA", 0);
        StatementData d = StatementCalculator.compute("Demo", OCT, 1, TOU, Zones.SAO_PAULO, NOW, spread(TOU, NOW, s));
        StatementData.Line line =
                d.apartments().getFirst().residents().getFirst().lines().getFirst();
        assertThat(line.monthWh()).isEqualTo(3_889);
        assertThat(line.crossesMonth()).isTrue();
        assertThat(d.totals().energyWh()).isEqualTo(3_889);
        StatementData nov = StatementCalculator.compute(
                "Demo",
                YearMonth.of(2026, 11),
                1,
                TOU,
                Zones.SAO_PAULO,
                Instant.parse("2026-12-02T12:00:00Z"),
                spread(TOU, NOW, s));
        assertThat(nov.totals().energyWh()).isEqualTo(3_888); // the two months add up to the session's energy
    }

    @Test
    void nationalHolidayIsOffPeakAndCarnivalIsNot() {
        // Mon 2026-10-12 (Nossa Senhora Aparecida) 18:00–19:00: all off-peak
        assertThat(split("2026-10-12T18:00", "2026-10-12T19:00", 1_000).peakWh(OCT))
                .isZero();
        // Good Friday 2026 = 03/04, Corpus Christi = 04/06, Carnival Tuesday 17/02 is a working day
        assertThat(BrazilianHolidays.isHoliday(LocalDate.of(2026, 4, 3))).isTrue();
        assertThat(BrazilianHolidays.isHoliday(LocalDate.of(2026, 6, 4))).isTrue();
        assertThat(BrazilianHolidays.isHoliday(LocalDate.of(2026, 11, 20))).isTrue();
        assertThat(BrazilianHolidays.isWorkingDay(LocalDate.of(2026, 2, 17))).isTrue();
        assertThat(BrazilianHolidays.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(BrazilianHolidays.easter(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        // the same hour on the next working day is peak
        assertThat(split("2026-10-13T18:00", "2026-10-13T19:00", 1_000).peakWh(OCT))
                .isEqualTo(1_000);
        // weekends are off-peak
        assertThat(split("2026-10-10T18:00", "2026-10-10T19:00", 1_000).peakWh(OCT))
                .isZero();
    }

    @Test
    void partsAlwaysSumExactlyToTheSessionsEnergy() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2_000; i++) {
            Instant start = sp("2026-09-28T00:00").plusSeconds(random.nextInt(40 * 86_400));
            Instant end = start.plusSeconds(random.nextInt(3 * 86_400));
            long wh = random.nextInt(90_000);
            ChargingSession s = between(start, end, wh);
            SessionEnergy parts = SessionEnergy.spread(s, TOU.peakWindow(), Zones.SAO_PAULO, NOW);
            assertThat(parts.shares().stream().mapToLong(x -> x.wh()).sum()).isEqualTo(wh);
            assertThat(parts.shares()).allMatch(x -> x.wh() >= 0);
        }
    }

    @Test
    void statementGroupsByApartmentListsUnidentifiedAndReconciles() {
        List<SessionEnergy> sessions = spread(
                TOU,
                NOW,
                session(1, "2026-10-05T17:00", "2026-10-05T18:00", 10_001, 1L, "Ana", "101", "AAA", 600),
                session(2, "2026-10-06T20:00", "2026-10-07T01:00", 9_000, 2L, "Bruno", "101", "BBB", 0),
                session(3, "2026-10-12T18:00", "2026-10-12T19:00", 1_000, 3L, "Carla", "22", "CCC", 120),
                session(4, "2026-10-20T10:00", "2026-10-20T11:00", 2_500, null, null, null, "DEADBEEF", 0),
                session(5, "2026-09-30T23:00", "2026-10-01T01:00", 4_000, 3L, "Carla", "22", "CCC", 0));
        StatementData d = StatementCalculator.compute("Demo", OCT, 1, TOU, Zones.SAO_PAULO, NOW, sessions);
        // apartments sorted numerically: 22 before 101
        assertThat(d.apartments())
                .extracting(StatementData.Apartment::apartment)
                .containsExactly("22", "101");
        StatementData.Apartment a101 = d.apartments().get(1);
        assertThat(a101.totals().peakWh()).isEqualTo(5_000 + 900);
        assertThat(a101.totals().offPeakWh()).isEqualTo(5_001 + 8_100);
        // 101: Ana 9,50 + Bruno (900 × 1,20 = 1,08; 8,100 × 0,70 = 5,67) 6,75 = 16,25
        assertThat(a101.totals().cost()).isEqualByComparingTo("16.25");
        assertThat(a101.totals().idleSeconds()).isEqualTo(600);
        // 22: Carla holiday 1,000 Wh off-peak (0,70) + half of session 5 (2,000 Wh, 1,40) = 2,10
        assertThat(d.apartments().getFirst().totals().energyWh()).isEqualTo(3_000);
        assertThat(d.apartments().getFirst().totals().cost()).isEqualByComparingTo("2.10");
        assertThat(d.unidentified()).singleElement().satisfies(l -> {
            assertThat(l.session().idTag()).isEqualTo("DEADBEEF");
            assertThat(l.cost()).isEqualByComparingTo("1.75");
        });
        assertThat(d.totals().energyWh()).isEqualTo(10_001 + 9_000 + 1_000 + 2_500 + 2_000);
        assertThat(d.totals().cost()).isEqualByComparingTo("20.10");
        assertThat(d.totals().sessions()).isEqualTo(5);
    }

    @Test
    void reconciliationFailsLoudlyWhenATotalIsOff() {
        StatementData d = StatementCalculator.compute(
                "Demo",
                OCT,
                1,
                TOU,
                Zones.SAO_PAULO,
                NOW,
                spread(
                        TOU,
                        NOW,
                        session(1, "2026-10-05T17:00", "2026-10-05T18:00", 10_001, 1L, "Ana", "101", "AAA", 0)));
        StatementData tampered = new StatementData(
                d.condominiumName(),
                d.month(),
                1,
                d.tariffs(),
                d.zone(),
                d.generatedAt(),
                d.partial(),
                d.draft(),
                d.apartments(),
                d.unidentified(),
                d.identifiedTotals(),
                d.unidentifiedTotals(),
                new StatementData.Totals(1, 5_000, 5_000, 0, d.totals().cost()));
        assertThatThrownBy(() -> StatementCalculator.reconcile(tampered, 10_001))
                .isInstanceOf(StatementReconciliationException.class)
                .hasMessageContaining("does not reconcile");
    }

    @Test
    void emptyMonthStillProducesValidFiles() throws Exception {
        StatementData d = StatementCalculator.compute(
                "Condomínio Demo", OCT, 1, Tariff.NOT_CONFIGURED, Zones.SAO_PAULO, NOW, List.of());
        StatementFiles.Files files = StatementFiles.write(d);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.xlsx()))) {
            assertThat(wb.getSheet("Carregamentos")).isNotNull();
            assertThat(wb.getSheet("Resumo")).isNotNull();
        }
        assertThat(pdfText(files.pdf())).contains("Extrato de consumo — outubro de 2026", "Nenhum carregamento");
    }

    @Test
    void xlsxAndPdfReadBackWithTheReconciledNumbers() throws Exception {
        List<SessionEnergy> sessions = spread(
                TOU,
                NOW,
                session(1, "2026-10-05T17:00", "2026-10-05T18:00", 10_001, 1L, "Ana", "101", "AAA", 600),
                session(4, "2026-10-20T10:00", "2026-10-20T11:00", 2_500, null, null, null, "DEADBEEF", 0));
        StatementData d = StatementCalculator.compute("Condomínio Demo", OCT, 1, TOU, Zones.SAO_PAULO, NOW, sessions);
        StatementFiles.Files files = StatementFiles.write(d);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.xlsx()))) {
            // the summary first (issue #10), then the sessions
            assertThat(wb.getSheetName(0)).isEqualTo("Resumo");
            assertThat(wb.getSheetName(1)).isEqualTo("Carregamentos");
            Sheet sh = wb.getSheet("Carregamentos");
            Row ana = sh.getRow(1);
            assertThat(ana.getCell(0).getStringCellValue()).isEqualTo("101");
            assertThat(ana.getCell(1).getStringCellValue()).isEqualTo("Ana");
            assertThat(ana.getCell(8).getNumericCellValue()).isEqualTo(5.0); // peak kWh
            assertThat(ana.getCell(9).getNumericCellValue()).isEqualTo(5.001); // off-peak kWh
            assertThat(ana.getCell(11).getNumericCellValue()).isEqualTo(9.50);
            Row unknown = sh.getRow(2);
            assertThat(unknown.getCell(0).getStringCellValue()).isEqualTo("Não identificado");
            assertThat(unknown.getCell(2).getStringCellValue()).isEqualTo("DEADBEEF");
            Row total = sh.getRow(3);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(12.501);
            assertThat(total.getCell(11).getNumericCellValue()).isEqualTo(11.25);
            List<String> summary = new ArrayList<>();
            wb.getSheet("Resumo")
                    .forEach(r ->
                            summary.add(r.getCell(0) == null ? "" : r.getCell(0).toString()));
            assertThat(summary).contains("101", "Não identificados", "Total");
            assertThat(String.join("\n", summary)).contains("Regra de rateio");
        }
        String text = pdfText(files.pdf());
        assertThat(text)
                .contains(
                        "Extrato de consumo — outubro de 2026",
                        "Condomínio Demo",
                        "Ana",
                        "101",
                        "DEADBEEF",
                        "R$ 9,50",
                        "R$ 11,25",
                        "12,50 kWh",
                        "Regra de rateio",
                        "17:30–20:29",
                        "Consumo por apartamento",
                        "12/10 Nossa Senhora Aparecida");
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
