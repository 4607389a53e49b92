package br.com.vetric.support;

import br.com.vetric.reports.Documents;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.ReportFormat;
import br.com.vetric.shared.CondominiumId;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads back the session rows of a generated statement's XLSX (sheet "Carregamentos"), as a reader would. */
public final class StatementSheet {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private StatementSheet() {}

    /**
     * One session's share of the month, as printed: apartment, start ("dd/MM/yyyy HH:mm", read from the date cell),
     * Wh, peak Wh, basis.
     */
    public record Line(String apartment, String start, long monthWh, long peakWh, String basis) {}

    public static List<Line> lines(Documents documents, CondominiumId condo, YearMonth month) throws Exception {
        Report xlsx =
                documents.list(condo, month.getYear(), month.getMonthValue(), Report.Kind.STATEMENT, true).stream()
                        .filter(r -> r.format() == ReportFormat.XLSX)
                        .findFirst()
                        .orElseThrow();
        List<Line> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(
                        documents.download(condo, xlsx.id(), true).path());
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sh = wb.getSheet("Carregamentos");
            if (!"Base da energia".equals(sh.getRow(0).getCell(13).getStringCellValue())) {
                throw new AssertionError("the statement has no energy basis column");
            }
            for (Row row : sh) {
                if (row.getRowNum() == 0 || row.getCell(13) == null) {
                    continue; // the header and the total row
                }
                lines.add(new Line(
                        row.getCell(0).getStringCellValue(),
                        START.format(row.getCell(4).getLocalDateTimeCellValue()),
                        Math.round(row.getCell(7).getNumericCellValue() * 1000),
                        Math.round(row.getCell(8).getNumericCellValue() * 1000),
                        row.getCell(13).getStringCellValue()));
            }
        }
        return lines;
    }
}
