package br.com.vetric.reports.internal;

import br.com.vetric.platform.PtBr;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The statement as a PDF: header, summary table per apartment and resident, unidentified sessions with their tags,
 * a bar chart of kWh per apartment (peak and off-peak stacked, drawn as vector graphics), the notes with the
 * splitting rule, and the sessions list.
 */
final class StatementPdf {

    private static final Color PEAK = new Color(0xC0, 0x39, 0x2B);
    private static final Color OFF_PEAK = new Color(0x2E, 0x86, 0xC1);
    private static final int BARS_PER_CHART = 30;

    private StatementPdf() {}

    static byte[] write(StatementData d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(StatementText.title(d));
        doc.addCreator("VETRIC");
        doc.open();
        Font h1 = new Font(Font.HELVETICA, 15, Font.BOLD);
        Font h2 = new Font(Font.HELVETICA, 11, Font.BOLD);
        Font body = new Font(Font.HELVETICA, 8.5f);
        Font bold = new Font(Font.HELVETICA, 8.5f, Font.BOLD);

        doc.add(new Paragraph(StatementText.title(d), h1));
        doc.add(new Paragraph(
                d.condominiumName() + " · versão " + d.version() + " · gerado em "
                        + PtBr.dateTime(d.generatedAt(), d.zone()),
                body));
        doc.add(new Paragraph(
                "Total do mês: " + PtBr.kwh(d.totals().energyWh()) + " (ponta "
                        + PtBr.kwh(d.totals().peakWh())
                        + ", fora de ponta " + PtBr.kwh(d.totals().offPeakWh()) + ") · "
                        + d.totals().sessions()
                        + " carregamento(s) · " + PtBr.money(d.totals().cost()),
                bold));

        doc.add(heading("Resumo por apartamento", h2));
        PdfPTable summary = table(
                new float[] {14, 26, 9, 12, 12, 12, 10, 13},
                new String[] {
                    "Apartamento", "Morador", "Carreg.", "Ponta", "Fora de ponta", "Total", "Ociosidade", "Custo"
                },
                bold);
        for (StatementData.Apartment a : d.apartments()) {
            for (StatementData.Resident r : a.residents()) {
                totalsRow(summary, a.apartment(), r.name(), r.totals(), body);
            }
            if (a.residents().size() > 1) {
                totalsRow(summary, a.apartment(), "Total do apartamento", a.totals(), bold);
            }
        }
        totalsRow(summary, "Não identificados", "", d.unidentifiedTotals(), body);
        totalsRow(summary, "Total", "", d.totals(), bold);
        doc.add(summary);

        if (!d.unidentified().isEmpty()) {
            doc.add(heading("Carregamentos não identificados", h2));
            PdfPTable un = table(
                    new float[] {20, 22, 22, 18, 18},
                    new String[] {"Tag", "Início", "Fim", "Energia no mês", "Custo"},
                    bold);
            for (StatementData.Line l : d.unidentified()) {
                String tag = l.session().idTag() == null || l.session().idTag().isBlank()
                        ? "(sem tag)"
                        : l.session().idTag();
                cells(
                        un,
                        body,
                        tag,
                        PtBr.dateTime(l.session().startedAt(), d.zone()),
                        l.open() ? "em andamento" : PtBr.dateTime(l.session().endedAt(), d.zone()),
                        PtBr.kwh(l.monthWh()),
                        PtBr.money(l.cost()));
            }
            doc.add(un);
        }

        doc.add(heading("Consumo por apartamento (kWh)", h2));
        if (d.apartments().isEmpty()) {
            doc.add(new Paragraph("Nenhum carregamento identificado no mês.", body));
        } else {
            PdfContentByte cb = writer.getDirectContent();
            List<StatementData.Apartment> apts = d.apartments();
            for (int i = 0; i < apts.size(); i += BARS_PER_CHART) {
                doc.add(chart(cb, apts.subList(i, Math.min(apts.size(), i + BARS_PER_CHART)), maxWh(apts)));
            }
        }

        doc.add(heading("Observações", h2));
        for (String note : StatementText.notes(d)) {
            doc.add(new Paragraph(note, body));
        }

        doc.add(heading("Carregamentos", h2));
        PdfPTable sessions = table(
                new float[] {11, 18, 14, 14, 9, 9, 9, 8, 8},
                new String[] {
                    "Apartamento", "Morador", "Início", "Fim", "Ponta", "Fora de ponta", "Custo", "Ocios.", "Base"
                },
                bold);
        List<String[]> rows = new ArrayList<>();
        for (StatementData.Apartment a : d.apartments()) {
            for (StatementData.Resident r : a.residents()) {
                for (StatementData.Line l : r.lines()) {
                    rows.add(sessionCells(a.apartment(), r.name(), l, d));
                }
            }
        }
        for (StatementData.Line l : d.unidentified()) {
            rows.add(sessionCells(
                    "Não identificado",
                    l.session().idTag() == null ? "" : l.session().idTag(),
                    l,
                    d));
        }
        for (String[] row : rows) {
            cells(sessions, body, row);
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("Nenhum carregamento no mês.", body));
            none.setColspan(9);
            sessions.addCell(none);
        }
        doc.add(sessions);
        doc.close();
        return out.toByteArray();
    }

    private static String[] sessionCells(String apartment, String who, StatementData.Line l, StatementData d) {
        String end = l.open() ? "em andamento" : PtBr.dateTime(l.session().endedAt(), d.zone());
        if (l.crossesMonth()) {
            end += " *";
        }
        return new String[] {
            apartment,
            who,
            PtBr.dateTime(l.session().startedAt(), d.zone()),
            end,
            PtBr.kwhExact(l.peakWh()),
            PtBr.kwhExact(l.offPeakWh()),
            PtBr.money(l.cost()),
            PtBr.duration(l.session().idleSeconds()),
            StatementText.basis(l.basis())
        };
    }

    private static long maxWh(List<StatementData.Apartment> apts) {
        return Math.max(
                1, apts.stream().mapToLong(a -> a.totals().energyWh()).max().orElse(1));
    }

    /** Horizontal stacked bars (peak, off-peak) per apartment, scaled to the largest apartment. */
    private static Image chart(PdfContentByte cb, List<StatementData.Apartment> apts, long maxWh) {
        float width = 520;
        float rowH = 16;
        float labelW = 90;
        float valueW = 80;
        float barMax = width - labelW - valueW;
        float height = rowH * apts.size() + 24;
        PdfTemplate t = cb.createTemplate(width, height);
        BaseFont font;
        try {
            font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("standard PDF font unavailable", e);
        }
        // legend
        float y = height - 12;
        t.setColorFill(PEAK);
        t.rectangle(labelW, y, 8, 8);
        t.fill();
        t.setColorFill(OFF_PEAK);
        t.rectangle(labelW + 60, y, 8, 8);
        t.fill();
        t.setColorFill(Color.BLACK);
        t.beginText();
        t.setFontAndSize(font, 7.5f);
        t.showTextAligned(Element.ALIGN_LEFT, "Ponta", labelW + 11, y + 1, 0);
        t.showTextAligned(Element.ALIGN_LEFT, "Fora de ponta", labelW + 71, y + 1, 0);
        t.endText();
        for (int i = 0; i < apts.size(); i++) {
            StatementData.Apartment a = apts.get(i);
            float rowY = height - 24 - (i + 1) * rowH + 3;
            float peakW = barMax * a.totals().peakWh() / maxWh;
            float offW = barMax * a.totals().offPeakWh() / maxWh;
            if (peakW > 0) {
                t.setColorFill(PEAK);
                t.rectangle(labelW, rowY, peakW, rowH - 6);
                t.fill();
            }
            if (offW > 0) {
                t.setColorFill(OFF_PEAK);
                t.rectangle(labelW + peakW, rowY, offW, rowH - 6);
                t.fill();
            }
            t.setColorFill(Color.BLACK);
            t.beginText();
            t.setFontAndSize(font, 7.5f);
            t.showTextAligned(Element.ALIGN_RIGHT, a.apartment(), labelW - 4, rowY + 2, 0);
            t.showTextAligned(
                    Element.ALIGN_LEFT, PtBr.kwh(a.totals().energyWh()), labelW + peakW + offW + 4, rowY + 2, 0);
            t.endText();
        }
        try {
            Image img = Image.getInstance(t);
            img.setAlignment(Element.ALIGN_LEFT);
            return img;
        } catch (Exception e) {
            throw new IllegalStateException("could not draw the chart", e);
        }
    }

    private static Paragraph heading(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table(float[] widths, String[] head, Font bold) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : head) {
            PdfPCell c = new PdfPCell(new Phrase(h, bold));
            c.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
            t.addCell(c);
        }
        return t;
    }

    private static void cells(PdfPTable t, Font font, String... values) {
        for (String v : values) {
            t.addCell(new PdfPCell(new Phrase(v, font)));
        }
    }

    private static void totalsRow(PdfPTable t, String apartment, String resident, StatementData.Totals tot, Font font) {
        cells(
                t,
                font,
                apartment,
                resident,
                Integer.toString(tot.sessions()),
                PtBr.kwh(tot.peakWh()),
                PtBr.kwh(tot.offPeakWh()),
                PtBr.kwh(tot.energyWh()),
                PtBr.duration(tot.idleSeconds()),
                PtBr.money(tot.cost()));
    }
}
