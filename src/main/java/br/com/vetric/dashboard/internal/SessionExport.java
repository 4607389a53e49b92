package br.com.vetric.dashboard.internal;

import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Energy;
import br.com.vetric.shared.PageResult;
import br.com.vetric.shared.Zones;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Exports the filtered session set. CSV: UTF-8 with BOM, ";" separated, pt-BR numbers ("20,82") and
 * dd/MM/yyyy HH:mm São Paulo times, so Excel in Brazil opens it as is. XLSX: real numbers and dates.
 */
@Service
public class SessionExport {

    /** Upper bound of one export (a condominium produces a few thousand sessions a year). */
    public static final int MAX_ROWS = 100_000;
    private static final int PAGE = 1000;
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Zones.SAO_PAULO);

    private final Sessions sessions;
    private final MessageSource messages;
    private final Clock clock;

    SessionExport(Sessions sessions, MessageSource messages, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
    }

    public List<ChargingSession> all(CondominiumId condo, SessionFilter filter) {
        List<ChargingSession> out = new ArrayList<>();
        for (int page = 0; out.size() < MAX_ROWS; page++) {
            PageResult<ChargingSession> p = sessions.search(condo, filter, page, PAGE);
            out.addAll(p.content());
            if (page + 1 >= p.totalPages()) {
                break;
            }
        }
        return out;
    }

    private List<String> headers(Locale locale) {
        List<String> h = new ArrayList<>();
        for (String k : List.of("id", "charger", "connector", "resident", "apartment", "tag", "status", "started",
                "ended", "duration", "energy", "endReason", "unidentifiedReason")) {
            h.add(messages.getMessage("export.col." + k, null, k, locale));
        }
        return h;
    }

    private String status(ChargingSession s, Locale locale) {
        return messages.getMessage("session.status." + s.status().name(), null, s.status().name(), locale);
    }

    private String endReason(ChargingSession s, Locale locale) {
        return s.endReason() == null ? "" : messages.getMessage("endReason." + s.endReason().name(), null, locale);
    }

    private String unidentified(ChargingSession s, Locale locale) {
        return s.unidentifiedReason() == null ? ""
                : messages.getMessage("unidentified." + s.unidentifiedReason().name(), new Object[]{str(s.idTag())}, locale);
    }

    private long durationMinutes(ChargingSession s) {
        if (s.durationSeconds() != null) {
            return s.durationSeconds() / 60;
        }
        Instant end = s.endedAt() != null ? s.endedAt() : clock.instant();
        return Duration.between(s.startedAt(), end).toMinutes();
    }

    public void csv(List<ChargingSession> rows, Locale locale, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        line(w, headers(locale));
        Fmt fmt = new Fmt();
        for (ChargingSession s : rows) {
            line(w, List.of(Long.toString(s.id()), str(s.chargerName()), Integer.toString(s.connectorId()),
                    str(s.residentName()), str(s.apartment()), str(s.idTag()), status(s, locale),
                    s.startedAt() == null ? "" : TIME.format(s.startedAt()),
                    s.endedAt() == null ? "" : TIME.format(s.endedAt()), Long.toString(durationMinutes(s)),
                    fmt.kwhNumber(s.energyWh()), endReason(s, locale), unidentified(s, locale)));
        }
        w.flush();
    }

    public void xlsx(List<ChargingSession> rows, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(messages.getMessage("export.sheet", null, "Sessions", locale));
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            CellStyle kwhStyle = wb.createCellStyle();
            kwhStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.00"));
            Row header = sheet.createRow(0);
            List<String> h = headers(locale);
            for (int i = 0; i < h.size(); i++) {
                header.createCell(i).setCellValue(h.get(i));
            }
            int r = 1;
            for (ChargingSession s : rows) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(s.id());
                row.createCell(c++).setCellValue(str(s.chargerName()));
                row.createCell(c++).setCellValue(s.connectorId());
                row.createCell(c++).setCellValue(str(s.residentName()));
                row.createCell(c++).setCellValue(str(s.apartment()));
                row.createCell(c++).setCellValue(str(s.idTag()));
                row.createCell(c++).setCellValue(status(s, locale));
                date(row.createCell(c++), s.startedAt(), dateStyle);
                date(row.createCell(c++), s.endedAt(), dateStyle);
                row.createCell(c++).setCellValue(durationMinutes(s));
                Cell kwh = row.createCell(c++);
                kwh.setCellValue(Energy.kwh(s.energyWh()).doubleValue());
                kwh.setCellStyle(kwhStyle);
                row.createCell(c++).setCellValue(endReason(s, locale));
                row.createCell(c).setCellValue(unidentified(s, locale));
            }
            wb.write(out);
            out.flush();
        }
    }

    private static void date(Cell cell, Instant i, CellStyle style) {
        if (i != null) {
            cell.setCellValue(LocalDateTime.ofInstant(i, Zones.SAO_PAULO));
            cell.setCellStyle(style);
        }
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        w.write(String.join(";", cells.stream().map((Function<String, String>) SessionExport::quote).toList()));
        w.write("\r\n");
    }

    static String quote(String v) {
        String s = v;
        // a cell starting with = + - @ would be a formula in a spreadsheet
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.,]+")) {
            s = "'" + s;
        }
        if (s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
