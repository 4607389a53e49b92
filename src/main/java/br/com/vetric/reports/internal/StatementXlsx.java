package br.com.vetric.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The statement as a workbook: sheet "Resumo" first (version and marks, per apartment and resident, unidentified,
 * total, the tariffs and the notes), then "Carregamentos" (one row per session's share of the month) and "Por
 * apartamento" (one row per apartment, as the building's administration bills it). kWh cells are numbers with 3
 * decimals (exact Wh); costs are numbers with 2 decimals; dates are real date cells.
 */
final class StatementXlsx {

    static final String SESSIONS_SHEET = "Carregamentos";
    static final String SUMMARY_SHEET = "Resumo";
    static final String UNITS_SHEET = "Por apartamento";

    private StatementXlsx() {}

    static byte[] write(StatementData d) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            summary(wb.createSheet(SUMMARY_SHEET), d, st);
            sessions(wb.createSheet(SESSIONS_SHEET), d, st);
            units(wb.createSheet(UNITS_SHEET), d, st);
            wb.getProperties().getCoreProperties().setTitle(StatementText.title(d));
            wb.getProperties().getCoreProperties().setCreator("VETRIC");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sessions(Sheet sh, StatementData d, Styles st) {
        String[] head = {
            "Apartamento",
            "Morador",
            "Tag",
            "Carregador",
            "Início",
            "Fim",
            "Energia do carregamento (kWh)",
            "Energia no mês (kWh)",
            "Ponta (kWh)",
            "Fora de ponta (kWh)",
            "Ociosidade (min)",
            "Custo (R$)",
            "Observação",
            "Base da energia"
        };
        header(sh.createRow(0), head, st);
        int r = 1;
        for (StatementData.Apartment a : d.apartments()) {
            for (StatementData.Resident res : a.residents()) {
                for (StatementData.Line l : res.lines()) {
                    sessionRow(sh.createRow(r++), a.apartment(), res.name(), l, d, st);
                }
            }
        }
        for (StatementData.Line l : d.unidentified()) {
            sessionRow(sh.createRow(r++), "Não identificado", "", l, d, st);
        }
        Row total = sh.createRow(r);
        text(total, 0, "Total", st.bold);
        kwh(total, 7, d.totals().energyWh(), st);
        kwh(total, 8, d.totals().peakWh(), st);
        kwh(total, 9, d.totals().offPeakWh(), st);
        num(total, 10, d.totals().idleSeconds() / 60, st.integer);
        money(total, 11, d.totals().cost(), st);
        for (int i = 0; i < head.length; i++) {
            sh.setColumnWidth(i, i == 12 ? 40 * 256 : 18 * 256);
        }
        sh.createFreezePane(0, 1);
    }

    private static void sessionRow(
            Row row, String apartment, String resident, StatementData.Line l, StatementData d, Styles st) {
        text(row, 0, apartment, null);
        text(row, 1, resident, null);
        text(row, 2, l.session().idTag() == null ? "" : l.session().idTag(), null);
        text(
                row,
                3,
                l.session().chargerName() == null
                        ? l.session().chargerUuid()
                        : l.session().chargerName(),
                null);
        date(row, 4, l.session().startedAt(), d, st);
        if (l.open()) {
            text(row, 5, "em andamento", null);
        } else {
            date(row, 5, l.session().endedAt(), d, st);
        }
        if (l.energyPending()) {
            for (int col = 6; col <= 9; col++) {
                text(row, col, StatementText.ENERGY_PENDING, null);
            }
        } else {
            kwh(row, 6, l.sessionWh(), st);
            kwh(row, 7, l.monthWh(), st);
            kwh(row, 8, l.peakWh(), st);
            kwh(row, 9, l.offPeakWh(), st);
            money(row, 11, l.cost(), st);
        }
        num(row, 10, l.session().idleSeconds() / 60, st.integer);
        String note = l.crossesMonth() ? "atravessa a virada do mês: apenas a parte do mês" : "";
        if (l.energyPending()) {
            note = (note.isEmpty() ? "" : note + "; ") + "energia " + StatementText.ENERGY_PENDING;
        }
        if (!l.session().identified() && l.session().unidentifiedReason() != null) {
            note = (note.isEmpty() ? "" : note + "; ") + StatementText.unidentified(l.session());
        }
        text(row, 12, note, null);
        text(row, 13, StatementText.basis(l.basis()), null);
    }

    private static void summary(Sheet sh, StatementData d, Styles st) {
        int r = 0;
        text(sh.createRow(r++), 0, StatementText.title(d) + " — " + d.condominiumName(), st.bold);
        text(sh.createRow(r++), 0, StatementText.version(d), null);
        Row generated = sh.createRow(r++);
        text(generated, 0, "Gerada em", null);
        date(generated, 1, d.generatedAt(), d, st);
        if (!StatementText.marks(d).isEmpty()) {
            text(sh.createRow(r++), 0, StatementText.marks(d), st.bold);
        }
        r++;
        header(
                sh.createRow(r++),
                new String[] {
                    "Apartamento",
                    "Morador",
                    "Carregamentos",
                    "Ponta (kWh)",
                    "Fora de ponta (kWh)",
                    "Total (kWh)",
                    "Ociosidade (min)",
                    "Custo (R$)"
                },
                st);
        for (StatementData.Apartment a : d.apartments()) {
            for (StatementData.Resident res : a.residents()) {
                totalsRow(sh.createRow(r++), a.apartment(), res.name(), res.totals(), st, null);
            }
            if (a.residents().size() > 1) {
                totalsRow(sh.createRow(r++), a.apartment(), "Total do apartamento", a.totals(), st, st.bold);
            }
        }
        totalsRow(sh.createRow(r++), "Não identificados", "", d.unidentifiedTotals(), st, null);
        totalsRow(sh.createRow(r++), "Total", "", d.totals(), st, st.bold);
        r++;
        if (!d.unidentified().isEmpty()) {
            text(sh.createRow(r++), 0, "Carregamentos não identificados (tags)", st.bold);
            for (StatementData.Line l : d.unidentified()) {
                Row row = sh.createRow(r++);
                text(
                        row,
                        0,
                        l.session().idTag() == null || l.session().idTag().isBlank()
                                ? "(sem tag)"
                                : l.session().idTag(),
                        null);
                date(row, 1, l.session().startedAt(), d, st);
                if (l.energyPending()) {
                    text(row, 5, StatementText.ENERGY_PENDING, null);
                } else {
                    kwh(row, 5, l.monthWh(), st);
                    money(row, 7, l.cost(), st);
                }
            }
            r++;
        }
        for (String note : StatementText.notes(d)) {
            text(sh.createRow(r++), 0, note, null);
        }
        sh.setColumnWidth(0, 22 * 256);
        sh.setColumnWidth(1, 30 * 256);
        for (int i = 2; i < 8; i++) {
            sh.setColumnWidth(i, 16 * 256);
        }
    }

    /** One row per apartment (and tower): residents, sessions, kWh and R$. */
    private static void units(Sheet sh, StatementData d, Styles st) {
        String[] head = {
            "Apartamento",
            "Moradores",
            "Carregamentos",
            "Ponta (kWh)",
            "Fora de ponta (kWh)",
            "Total (kWh)",
            "Valor (R$)"
        };
        header(sh.createRow(0), head, st);
        int r = 1;
        for (StatementData.Apartment a : d.apartments()) {
            Row row = sh.createRow(r++);
            text(row, 0, a.apartment(), null);
            text(
                    row,
                    1,
                    String.join(
                            " / ",
                            a.residents().stream()
                                    .map(StatementData.Resident::name)
                                    .toList()),
                    null);
            num(row, 2, a.totals().sessions(), st.integer);
            kwh(row, 3, a.totals().peakWh(), st);
            kwh(row, 4, a.totals().offPeakWh(), st);
            kwh(row, 5, a.totals().energyWh(), st);
            money(row, 6, a.totals().cost(), st);
        }
        Row total = sh.createRow(r);
        text(total, 0, "Total dos apartamentos", st.bold);
        num(total, 2, d.identifiedTotals().sessions(), st.integer);
        kwh(total, 3, d.identifiedTotals().peakWh(), st);
        kwh(total, 4, d.identifiedTotals().offPeakWh(), st);
        kwh(total, 5, d.identifiedTotals().energyWh(), st);
        money(total, 6, d.identifiedTotals().cost(), st);
        sh.setColumnWidth(0, 20 * 256);
        sh.setColumnWidth(1, 36 * 256);
        for (int i = 2; i < head.length; i++) {
            sh.setColumnWidth(i, 18 * 256);
        }
        sh.createFreezePane(0, 1);
    }

    private static void totalsRow(
            Row row, String apartment, String resident, StatementData.Totals t, Styles st, CellStyle labelStyle) {
        text(row, 0, apartment, labelStyle);
        text(row, 1, resident, labelStyle);
        num(row, 2, t.sessions(), st.integer);
        kwh(row, 3, t.peakWh(), st);
        kwh(row, 4, t.offPeakWh(), st);
        kwh(row, 5, t.energyWh(), st);
        num(row, 6, t.idleSeconds() / 60, st.integer);
        money(row, 7, t.cost(), st);
    }

    private static void header(Row row, String[] names, Styles st) {
        for (int i = 0; i < names.length; i++) {
            text(row, i, names[i], st.bold);
        }
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void num(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** A real date cell, in the condominium's wall time. */
    private static void date(Row row, int col, java.time.Instant at, StatementData d, Styles st) {
        Cell c = row.createCell(col);
        c.setCellValue(at.atZone(d.zone()).toLocalDateTime());
        c.setCellStyle(st.dateTime);
    }

    private static void kwh(Row row, int col, long wh, Styles st) {
        num(row, col, BigDecimal.valueOf(wh).movePointLeft(3).doubleValue(), st.kwh);
    }

    private static void money(Row row, int col, BigDecimal value, Styles st) {
        num(row, col, value.doubleValue(), st.money);
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle kwh;
        final CellStyle money;
        final CellStyle integer;
        final CellStyle dateTime;

        Styles(XSSFWorkbook wb) {
            Font f = wb.createFont();
            f.setBold(true);
            bold = wb.createCellStyle();
            bold.setFont(f);
            kwh = wb.createCellStyle();
            kwh.setDataFormat(wb.createDataFormat().getFormat("#,##0.000"));
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("\"R$\" #,##0.00"));
            integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        }
    }

    static List<String> sheetNames() {
        return List.of(SUMMARY_SHEET, SESSIONS_SHEET, UNITS_SHEET);
    }
}
