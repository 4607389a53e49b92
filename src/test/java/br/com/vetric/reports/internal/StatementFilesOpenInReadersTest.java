package br.com.vetric.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import br.com.vetric.reports.Tariff;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated statement opens in the programs people use: a PDF reader (PDFBox parses it from scratch, has pages,
 * shows the month in pt-BR and the reconciled total) and, where LibreOffice is installed, a spreadsheet program
 * (headless conversion of the XLSX to CSV; skipped when {@code soffice} is absent — the tests never install it).
 */
class StatementFilesOpenInReadersTest {

    static final Tariff DEMO = Tariff.timeOfUse(
            new BigDecimal("1.25"), new BigDecimal("0.78"), LocalTime.of(17, 30), LocalTime.of(20, 30));
    static final YearMonth MARCH = YearMonth.of(2026, 3);

    /**
     * Tue 03/03/2026 17:10–18:30, 8,000 Wh: 6,000 Wh peak (7,50) + 2,000 Wh off-peak (1,56) = 9,06.
     * Sat 07/03/2026 10:00–12:00, 4,321 Wh off-peak: 4,321 × 0,78 = 3,37038 -> 3,37.
     * Unidentified Wed 04/03/2026 09:00–10:00, 2,500 Wh off-peak: 1,95. Total 14,821 Wh, R$ 14,38.
     */
    static StatementData march() {
        List<SessionEnergy> sessions = StatementArithmeticTest.spread(
                DEMO,
                Instant.parse("2026-04-01T09:00:00Z"),
                StatementArithmeticTest.session(
                        1, "2026-03-03T17:10", "2026-03-03T18:30", 8_000, 1L, "Ana Souza", "101", "AAA", 0),
                StatementArithmeticTest.session(
                        2, "2026-03-07T10:00", "2026-03-07T12:00", 4_321, 2L, "Bruno Lima", "202", "BBB", 0),
                StatementArithmeticTest.session(
                        3, "2026-03-04T09:00", "2026-03-04T10:00", 2_500, null, null, null, "DEADBEEF", 0));
        return StatementCalculator.compute(
                "Condomínio Demo", MARCH, 1, DEMO, Zones.SAO_PAULO, Instant.parse("2026-04-01T09:00:00Z"), sessions);
    }

    @Test
    void pdfIsValidForAReaderWithTheMonthInPortugueseAndTheReconciledTotal() throws Exception {
        StatementData d = march();
        assertThat(d.totals().cost()).isEqualByComparingTo("14.38");
        assertThat(d.totals().energyWh()).isEqualTo(14_821);
        byte[] pdf = StatementFiles.write(d).pdf();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1).stripTrailing()).endsWith("%%EOF");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.isEncrypted()).isFalse();
            assertThat(doc.getNumberOfPages()).isPositive();
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isPositive();
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("março de 2026", "R$ 14,38", "14,82 kWh", "R$ 9,06", "Ana Souza", "DEADBEEF");
        }
    }

    @Test
    void xlsxOpensInLibreOfficeAndItsTotalsAddUp(@TempDir Path dir) throws Exception {
        Optional<Path> soffice = soffice();
        assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed; the spreadsheet check is skipped");
        StatementData d = march();
        Path xlsx = dir.resolve("extrato-2026-03.xlsx");
        Files.write(xlsx, StatementFiles.write(d).xlsx());
        Path profile = Files.createDirectories(dir.resolve("lo-profile"));
        // CSV filter: comma, double quotes, UTF-8 (76), from line 1, ..., raw values (not "as shown")
        Process p = new ProcessBuilder(
                        soffice.get().toString(),
                        "--headless",
                        "--norestore",
                        "--nolockcheck",
                        "-env:UserInstallation=" + profile.toUri(),
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false",
                        "--outdir",
                        dir.toString(),
                        xlsx.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile())
                .start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("soffice finished within 120 s").isTrue();
        Path csv = dir.resolve("extrato-2026-03.csv");
        assertThat(csv)
                .as("soffice output: " + Files.readString(dir.resolve("soffice.log")))
                .exists();

        List<List<String>> rows = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .map(StatementFilesOpenInReadersTest::csvLine)
                .toList();
        assertThat(rows.getFirst()).startsWith("Apartamento", "Morador", "Tag");
        assertThat(rows.getFirst().get(11)).isEqualTo("Custo (R$)");
        List<List<String>> sessionRows = rows.subList(1, rows.size() - 1);
        List<String> total = rows.getLast();
        assertThat(sessionRows).hasSize(3);
        assertThat(sessionRows).extracting(r -> r.get(0)).containsExactly("101", "202", "Não identificado");
        assertThat(total.getFirst()).isEqualTo("Total");
        // as the spreadsheet program reads them: every line's cost and energy, and the totals they add up to
        assertThat(sessionRows)
                .extracting(r -> number(r.get(11)))
                .containsExactly(new BigDecimal("9.06"), new BigDecimal("3.37"), new BigDecimal("1.95"));
        BigDecimal costSum = sessionRows.stream().map(r -> number(r.get(11))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal kwhSum = sessionRows.stream().map(r -> number(r.get(7))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(number(total.get(11))).isEqualByComparingTo(costSum).isEqualByComparingTo("14.38");
        assertThat(number(total.get(7))).isEqualByComparingTo(kwhSum).isEqualByComparingTo("14.821");
        assertThat(number(total.get(8)).add(number(total.get(9)))).isEqualByComparingTo(number(total.get(7)));
    }

    static Optional<Path> soffice() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(
                        Arrays.stream(path.split(java.io.File.pathSeparator))
                                .filter(s -> !s.isBlank())
                                .flatMap(s -> Stream.of(Path.of(s, "soffice"), Path.of(s, "libreoffice"))),
                        Stream.of(
                                Path.of("/usr/lib/libreoffice/program/soffice"),
                                Path.of("/opt/libreoffice/program/soffice")))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** One CSV line (comma separated, double-quoted fields with "" escapes; no line breaks inside the cells here). */
    static List<String> csvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A number as LibreOffice wrote it: raw ("14.38") or, should a locale format it, "R$ 14,38" / "14,821". */
    static BigDecimal number(String cell) {
        String s = cell.replaceAll("[^0-9,.\\-]", "");
        if (s.contains(",") && s.contains(".")) {
            s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (s.contains(",")) {
            s = s.replace(',', '.');
        }
        return new BigDecimal(s);
    }

    @Test
    void csvHelpersReadWhatLibreOfficeWrites() {
        // the parsing the guarded test relies on, checked here so it does not first run on a machine with LibreOffice
        assertThat(csvLine("Total,,\"a,\"\"b\"\"\",14.38")).containsExactly("Total", "", "a,\"b\"", "14.38");
        assertThat(number("14.38")).isEqualByComparingTo("14.38");
        assertThat(number("R$ 14,38")).isEqualByComparingTo("14.38");
        assertThat(number("1.234,5")).isEqualByComparingTo("1234.5");
        assertThat(number("1,234.5")).isEqualByComparingTo("1234.5");
        assertThat(number("14.821")).isEqualByComparingTo("14.821");
    }
}
