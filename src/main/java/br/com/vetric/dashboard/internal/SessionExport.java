package br.com.vetric.dashboard.internal;

import br.com.vetric.platform.PtBr;
import br.com.vetric.platform.Words;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Energy;
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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Exports the filtered session set. CSV: UTF-8 with BOM, ";" separated, pt-BR numbers ("20,82") and
 * dd/MM/yyyy HH:mm São Paulo times, so Excel in Brazil opens it as is. XLSX: real numbers and dates. Both stream:
 * the sessions are read in pages (keyset, newest first) and written as they come, the XLSX through POI's streaming
 * workbook (rows beyond a small window go to a compressed temporary file, deleted when the workbook closes), so
 * memory stays the same whatever the number of sessions. One export per user at a time ({@link #slot}). Codes are
 * written in words ({@link Words}); a session whose energy the charger reports only at the end says so instead of a
 * false 0,00.
 */
@Service
public class SessionExport {

    static final int PAGE = 1000;
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Zones.SAO_PAULO);

    private final Sessions sessions;
    private final MessageSource messages;
    private final Words words;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    SessionExport(Sessions sessions, MessageSource messages, Words words, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.words = words;
        this.clock = clock;
    }

    /** The right to run one export, released on close; none while this user's previous export still runs. */
    public Optional<Slot> slot(long userId) {
        return running.add(userId) ? Optional.of(new Slot(userId)) : Optional.empty();
    }

    public final class Slot implements AutoCloseable {

        private final long userId;

        private Slot(long userId) {
            this.userId = userId;
        }

        @Override
        public void close() {
            running.remove(userId);
        }
    }

    /** The filtered sessions, newest first, read a page at a time as they are iterated. */
    public Iterable<ChargingSession> rows(CondominiumId condo, SessionFilter filter) {
        return () -> new Iterator<>() {
            private List<ChargingSession> page = sessions.pageAfter(condo, filter, null, PAGE);
            private int next;

            @Override
            public boolean hasNext() {
                if (next == page.size() && page.size() == PAGE) {
                    page = sessions.pageAfter(condo, filter, page.getLast(), PAGE);
                    next = 0;
                }
                return next < page.size();
            }

            @Override
            public ChargingSession next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
    }

    private List<String> headers(Locale locale) {
        List<String> h = new ArrayList<>();
        for (String k : List.of(
                "id",
                "charger",
                "connector",
                "resident",
                "apartment",
                "tag",
                "status",
                "started",
                "ended",
                "duration",
                "energy",
                "endReason",
                "unidentifiedReason")) {
            h.add(messages.getMessage("export.col." + k, null, k, locale));
        }
        return h;
    }

    private long durationMinutes(ChargingSession s) {
        if (s.durationSeconds() != null) {
            return s.durationSeconds() / 60;
        }
        Instant end = s.endedAt() != null ? s.endedAt() : clock.instant();
        return Duration.between(s.startedAt(), end).toMinutes();
    }

    public void csv(Iterable<ChargingSession> rows, Locale locale, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        line(w, headers(locale));
        for (ChargingSession s : rows) {
            line(
                    w,
                    List.of(
                            Long.toString(s.id()),
                            str(s.chargerName()),
                            Integer.toString(s.connectorId()),
                            str(s.residentName()),
                            str(s.apartment()),
                            str(s.idTag()),
                            words.sessionStatus(s.status(), locale),
                            s.startedAt() == null ? "" : TIME.format(s.startedAt()),
                            s.endedAt() == null ? "" : TIME.format(s.endedAt()),
                            Long.toString(durationMinutes(s)),
                            s.energyPending() ? words.energyPending(locale) : PtBr.kwhNumber(s.energyWh()),
                            words.endReason(s.endReason(), locale),
                            words.unidentified(s.unidentifiedReason(), s.idTag(), locale)));
        }
        w.flush();
    }

    /** Rows beyond Excel's sheet limit (1,048,575 sessions) are left out. */
    public void xlsx(Iterable<ChargingSession> rows, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) { // close() also deletes the temporary files
            wb.setCompressTempFiles(true);
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
                if (r > SpreadsheetVersion.EXCEL2007.getLastRowIndex()) {
                    break;
                }
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(s.id());
                row.createCell(c++).setCellValue(str(s.chargerName()));
                row.createCell(c++).setCellValue(s.connectorId());
                row.createCell(c++).setCellValue(str(s.residentName()));
                row.createCell(c++).setCellValue(str(s.apartment()));
                row.createCell(c++).setCellValue(str(s.idTag()));
                row.createCell(c++).setCellValue(words.sessionStatus(s.status(), locale));
                date(row.createCell(c++), s.startedAt(), dateStyle);
                date(row.createCell(c++), s.endedAt(), dateStyle);
                row.createCell(c++).setCellValue(durationMinutes(s));
                Cell kwh = row.createCell(c++);
                if (s.energyPending()) {
                    kwh.setCellValue(words.energyPending(locale));
                } else {
                    kwh.setCellValue(Energy.kwh(s.energyWh()).doubleValue());
                    kwh.setCellStyle(kwhStyle);
                }
                row.createCell(c++).setCellValue(words.endReason(s.endReason(), locale));
                row.createCell(c).setCellValue(words.unidentified(s.unidentifiedReason(), s.idTag(), locale));
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
        w.write(String.join(
                ";",
                cells.stream()
                        .map((Function<String, String>) SessionExport::quote)
                        .toList()));
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
