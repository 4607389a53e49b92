package br.com.vetric.reports.internal;

import static br.com.vetric.reports.internal.StatementPdf.Kind.FIXED;
import static br.com.vetric.reports.internal.StatementPdf.Kind.NUMBER;
import static br.com.vetric.reports.internal.StatementPdf.Kind.TEXT;

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
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The statement as a PDF. Every page has a running header (condominium, month, version, marks) and "Página N de M".
 * The first pages: the month's totals, the summary per apartment and resident, the tariffs, the unidentified
 * sessions, a bar chart of kWh per apartment (peak and off-peak stacked, vector graphics), the notes in plain words
 * and every session. Then one page per apartment, to forward to its residents. Columns are as wide as their contents
 * (names wrap when the page is too narrow), numbers are right-aligned and every figure carries its unit.
 */
final class StatementPdf {

    private static final Color PEAK = new Color(0xC0, 0x39, 0x2B);
    private static final Color OFF_PEAK = new Color(0x2E, 0x86, 0xC1);
    private static final Color MARK = new Color(0xB0, 0x3A, 0x2E);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);
    private static final int BARS_PER_CHART = 30;
    private static final float PADDING = 3;
    private static final String CROSSES_MONTH =
            "* O carregamento passou da virada do mês: aqui está só a parte deste mês.";

    private static final Font H1 = new Font(Font.HELVETICA, 15, Font.BOLD);
    private static final Font H2 = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 8.5f);
    private static final Font BOLD = new Font(Font.HELVETICA, 8.5f, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 7.5f);
    private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 7.5f, Font.BOLD);
    private static final Font MARK_FONT = new Font(Font.HELVETICA, 11, Font.BOLD, MARK);

    private StatementPdf() {}

    static byte[] write(StatementData d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 54, 42);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(new RunningHeader(d));
        doc.addTitle(StatementText.title(d));
        doc.addCreator("VETRIC");
        doc.open();
        float width = doc.right() - doc.left();

        doc.add(new Paragraph(StatementText.title(d), H1));
        doc.add(new Paragraph(d.condominiumName() + " · " + StatementText.version(d), BODY));
        if (!StatementText.marks(d).isEmpty()) {
            Paragraph marks = new Paragraph(StatementText.marks(d), MARK_FONT);
            marks.setSpacingBefore(4);
            doc.add(marks);
            for (String note : StatementText.markNotes(d)) {
                doc.add(new Paragraph(note, BODY));
            }
        }
        Paragraph total = new Paragraph(
                "Total do mês: " + PtBr.kwh(d.totals().energyWh()) + " (ponta "
                        + PtBr.kwh(d.totals().peakWh())
                        + ", fora de ponta " + PtBr.kwh(d.totals().offPeakWh()) + ") · "
                        + d.totals().sessions() + " carregamento(s) · "
                        + PtBr.money(d.totals().cost()),
                BOLD);
        total.setSpacingBefore(6);
        doc.add(total);

        doc.add(heading("Resumo por apartamento"));
        Columns summary = new Columns(
                new String[] {
                    "Apartamento", "Morador", "Carregamentos", "Ponta", "Fora de ponta", "Total", "Ociosidade", "Custo"
                },
                new Kind[] {TEXT, TEXT, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER});
        for (StatementData.Apartment a : d.apartments()) {
            for (StatementData.Resident r : a.residents()) {
                summary.row(false, totalsCells(a.apartment(), r.name(), r.totals()));
            }
            if (a.residents().size() > 1) {
                summary.row(true, totalsCells(a.apartment(), "Total do apartamento", a.totals()));
            }
        }
        summary.row(false, totalsCells("Não identificados", "", d.unidentifiedTotals()));
        summary.row(true, totalsCells("Total", "", d.totals()));
        doc.add(summary.table(BODY, BOLD, width));

        doc.add(heading(d.tariffs().size() > 1 ? "Tarifas do mês" : "Tarifa"));
        for (String line : StatementText.tariffs(d)) {
            doc.add(new Paragraph(line, BODY));
        }

        if (!d.unidentified().isEmpty()) {
            doc.add(heading("Carregamentos não identificados"));
            Columns un = new Columns(
                    new String[] {"Tag", "Início", "Fim", "Energia no mês", "Custo"},
                    new Kind[] {TEXT, FIXED, FIXED, NUMBER, NUMBER});
            for (StatementData.Line l : d.unidentified()) {
                String tag = l.session().idTag() == null || l.session().idTag().isBlank()
                        ? "(sem tag)"
                        : l.session().idTag();
                un.row(
                        false,
                        tag,
                        PtBr.dateTime(l.session().startedAt(), d.zone()),
                        l.open() ? "em andamento" : PtBr.dateTime(l.session().endedAt(), d.zone()),
                        kwh(l, l.monthWh()),
                        cost(l));
            }
            doc.add(un.table(BODY, BOLD, width));
        }

        doc.add(heading("Consumo por apartamento (kWh)"));
        if (d.apartments().isEmpty()) {
            doc.add(new Paragraph("Nenhum carregamento identificado no mês.", BODY));
        } else {
            PdfContentByte cb = writer.getDirectContent();
            List<StatementData.Apartment> apts = d.apartments();
            for (int i = 0; i < apts.size(); i += BARS_PER_CHART) {
                doc.add(chart(cb, apts.subList(i, Math.min(apts.size(), i + BARS_PER_CHART)), maxWh(apts)));
            }
        }

        doc.add(heading("Observações"));
        for (String note : StatementText.notes(d)) {
            Paragraph p = new Paragraph(note, BODY);
            p.setSpacingAfter(2);
            doc.add(p);
        }

        doc.add(heading("Carregamentos"));
        Columns sessions = new Columns(
                new String[] {
                    "Apartamento", "Morador", "Início", "Fim", "Ponta", "Fora de ponta", "Custo", "Ociosidade", "Base"
                },
                new Kind[] {TEXT, TEXT, FIXED, FIXED, NUMBER, NUMBER, NUMBER, NUMBER, FIXED});
        for (StatementData.Apartment a : d.apartments()) {
            for (StatementData.Resident r : a.residents()) {
                for (StatementData.Line l : r.lines()) {
                    sessions.row(false, sessionCells(a.apartment(), r.name(), l, d));
                }
            }
        }
        for (StatementData.Line l : d.unidentified()) {
            sessions.row(
                    false,
                    sessionCells(
                            "Não identificado",
                            l.session().idTag() == null ? "" : l.session().idTag(),
                            l,
                            d));
        }
        if (sessions.rows.isEmpty()) {
            doc.add(new Paragraph("Nenhum carregamento no mês.", BODY));
        } else {
            doc.add(sessions.table(SMALL, SMALL_BOLD, width));
            if (d.allLines().stream().anyMatch(StatementData.Line::crossesMonth)) {
                doc.add(new Paragraph(CROSSES_MONTH, SMALL));
            }
        }

        for (StatementData.Apartment a : d.apartments()) {
            apartmentPage(doc, d, a, width);
        }
        doc.close();
        return out.toByteArray();
    }

    /** One apartment on its own page: what its residents charged and what it costs, to forward to them. */
    private static void apartmentPage(Document doc, StatementData d, StatementData.Apartment a, float width) {
        doc.newPage();
        doc.add(new Paragraph("Apartamento " + a.apartment(), H1));
        doc.add(new Paragraph(StatementText.title(d) + " · " + d.condominiumName(), BODY));
        doc.add(new Paragraph(
                StatementText.version(d) + (StatementText.marks(d).isEmpty() ? "" : " · " + StatementText.marks(d)),
                BODY));
        doc.add(new Paragraph(
                "Moradores: "
                        + String.join(
                                ", ",
                                a.residents().stream()
                                        .map(StatementData.Resident::name)
                                        .toList()),
                BODY));
        Paragraph due = new Paragraph(
                "Consumo do apartamento no mês: " + PtBr.kwh(a.totals().energyWh()) + " = "
                        + PtBr.money(a.totals().cost()),
                H2);
        due.setSpacingBefore(8);
        due.setSpacingAfter(6);
        doc.add(due);
        Columns t = new Columns(
                new String[] {"Morador", "Início", "Fim", "Ponta", "Fora de ponta", "Total", "Custo"},
                new Kind[] {TEXT, FIXED, FIXED, NUMBER, NUMBER, NUMBER, NUMBER});
        for (StatementData.Resident r : a.residents()) {
            for (StatementData.Line l : r.lines()) {
                t.row(
                        false,
                        r.name(),
                        PtBr.dateTime(l.session().startedAt(), d.zone()),
                        end(l, d),
                        kwh(l, l.peakWh()),
                        kwh(l, l.offPeakWh()),
                        kwh(l, l.monthWh()),
                        cost(l));
            }
        }
        t.row(
                true,
                "Total (" + a.totals().sessions() + " carregamento(s))",
                "",
                "",
                kwh(a.totals().peakWh()),
                kwh(a.totals().offPeakWh()),
                kwh(a.totals().energyWh()),
                PtBr.money(a.totals().cost()));
        doc.add(t.table(BODY, BOLD, width));
        if (a.residents().stream().flatMap(r -> r.lines().stream()).anyMatch(StatementData.Line::crossesMonth)) {
            doc.add(new Paragraph(CROSSES_MONTH, SMALL));
        }
        if (a.residents().stream().flatMap(r -> r.lines().stream()).anyMatch(StatementData.Line::energyPending)) {
            doc.add(new Paragraph(StatementText.PENDING_NOTE, SMALL));
        }
        Paragraph tariff = new Paragraph(String.join(" ", StatementText.tariffs(d)), SMALL);
        tariff.setSpacingBefore(8);
        doc.add(tariff);
        doc.add(new Paragraph(
                "Cada carregamento é cobrado pela tarifa em vigor no dia em que aconteceu. O extrato completo do "
                        + "condomínio explica a regra de rateio entre ponta e fora de ponta.",
                SMALL));
    }

    private static String[] sessionCells(String apartment, String who, StatementData.Line l, StatementData d) {
        return new String[] {
            apartment,
            who,
            PtBr.dateTime(l.session().startedAt(), d.zone()),
            end(l, d),
            kwh(l, l.peakWh()),
            kwh(l, l.offPeakWh()),
            cost(l),
            PtBr.duration(l.session().idleSeconds()),
            StatementText.basis(l.basis())
        };
    }

    private static String end(StatementData.Line l, StatementData d) {
        String end = l.open() ? "em andamento" : PtBr.dateTime(l.session().endedAt(), d.zone());
        return l.crossesMonth() ? end + " *" : end;
    }

    /** A session's figure, or "informada ao final" while the charger has not reported its energy. */
    private static String kwh(StatementData.Line l, long wh) {
        return l.energyPending() ? StatementText.ENERGY_PENDING : kwh(wh);
    }

    /** A session's R$, or "—" while its energy is still to be reported. */
    private static String cost(StatementData.Line l) {
        return l.energyPending() ? "—" : PtBr.money(l.cost());
    }

    /** "5,001 kWh": to the Wh, so a line's figures visibly add up, with the unit. */
    private static String kwh(long wh) {
        return PtBr.kwhExact(wh) + " kWh";
    }

    private static String[] totalsCells(String apartment, String resident, StatementData.Totals tot) {
        return new String[] {
            apartment,
            resident,
            Integer.toString(tot.sessions()),
            PtBr.kwh(tot.peakWh()),
            PtBr.kwh(tot.offPeakWh()),
            PtBr.kwh(tot.energyWh()),
            PtBr.duration(tot.idleSeconds()),
            PtBr.money(tot.cost())
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
        BaseFont font = baseFont(SMALL);
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

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, H2);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static BaseFont baseFont(Font font) {
        return font.getCalculatedBaseFont(false);
    }

    /** How a column behaves: text wraps between words; fixed text (dates) and numbers never wrap. */
    enum Kind {
        TEXT,
        FIXED,
        NUMBER
    }

    /**
     * A table whose columns are as wide as their contents. When they do not all fit, headers wrap first, then the text
     * columns (names) give way down to their longest word and wrap; dates and numbers never wrap, and numbers are
     * right-aligned, like their headers.
     */
    static final class Columns {

        private final String[] head;
        private final Kind[] kinds;
        final List<String[]> rows = new ArrayList<>();
        private final List<Boolean> strong = new ArrayList<>();

        Columns(String[] head, Kind[] kinds) {
            this.head = head;
            this.kinds = kinds;
        }

        void row(boolean bold, String... cells) {
            rows.add(cells);
            strong.add(bold);
        }

        PdfPTable table(Font font, Font bold, float available) {
            PdfPTable t = new PdfPTable(widths(font, bold, available));
            t.setTotalWidth(available);
            t.setLockedWidth(true);
            t.setHeaderRows(1);
            for (int i = 0; i < head.length; i++) {
                PdfPCell c = cell(head[i], bold, kinds[i]);
                c.setBackgroundColor(HEAD);
                t.addCell(c);
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int i = 0; i < head.length; i++) {
                    t.addCell(cell(rows.get(r)[i], strong.get(r) ? bold : font, kinds[i]));
                }
            }
            return t;
        }

        float[] widths(Font font, Font bold, float available) {
            int n = head.length;
            float[] natural = new float[n];
            float[] headWrapped = new float[n]; // the header wrapped, the cells whole
            float[] minimal = new float[n]; // text cells wrapped too
            for (int i = 0; i < n; i++) {
                natural[i] = width(head[i], bold);
                headWrapped[i] = longestWord(head[i], bold);
                minimal[i] = headWrapped[i];
                for (int r = 0; r < rows.size(); r++) {
                    Font f = strong.get(r) ? bold : font;
                    String v = rows.get(r)[i];
                    natural[i] = Math.max(natural[i], width(v, f));
                    headWrapped[i] = Math.max(headWrapped[i], width(v, f));
                    minimal[i] = Math.max(minimal[i], kinds[i] == Kind.TEXT ? longestWord(v, f) : width(v, f));
                }
                float pad = 2 * PADDING + 1;
                natural[i] += pad;
                headWrapped[i] = Math.min(natural[i], headWrapped[i] + pad);
                minimal[i] = Math.min(headWrapped[i], minimal[i] + pad);
            }
            float[] widths = shrink(natural, headWrapped, available);
            if (widths == null) {
                widths = shrink(headWrapped, minimal, available);
            }
            if (widths == null) {
                return minimal; // even their longest words do not fit: the table is scaled to the page
            }
            return widths;
        }

        /** {@code from} reduced towards {@code to} in proportion to each column's slack until it fits, or null. */
        private static float[] shrink(float[] from, float[] to, float available) {
            float[] w = from.clone();
            float sum = sum(w);
            if (sum <= available) {
                float extra = (available - sum) / w.length;
                for (int i = 0; i < w.length; i++) {
                    w[i] += extra;
                }
                return w;
            }
            float excess = sum - available;
            float give = sum(from) - sum(to);
            if (give < excess) {
                return null;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] -= (from[i] - to[i]) * excess / give;
            }
            return w;
        }

        private static PdfPCell cell(String text, Font font, Kind kind) {
            PdfPCell c = new PdfPCell(new Phrase(text, font));
            c.setPadding(PADDING);
            c.setHorizontalAlignment(kind == Kind.NUMBER ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            return c;
        }

        private static float width(String text, Font font) {
            return baseFont(font).getWidthPoint(text, font.getSize());
        }

        private static float longestWord(String text, Font font) {
            float max = 0;
            for (String word : text.split("\\s+")) {
                max = Math.max(max, width(word, font));
            }
            return max;
        }

        private static float sum(float[] values) {
            float s = 0;
            for (float v : values) {
                s += v;
            }
            return s;
        }
    }

    /** The running header (condominium, month, version, marks) and "Página N de M" on every page. */
    private static final class RunningHeader extends PdfPageEventHelper {

        private final StatementData d;
        private PdfTemplate total;

        RunningHeader(StatementData d) {
            this.d = d;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(30, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Font grey = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, GREY);
            String marks = StatementText.marks(d);
            ColumnText.showTextAligned(
                    cb,
                    Element.ALIGN_LEFT,
                    new Phrase(d.condominiumName() + " · " + StatementText.title(d), grey),
                    document.left(),
                    document.top() + 18,
                    0);
            ColumnText.showTextAligned(
                    cb,
                    Element.ALIGN_RIGHT,
                    new Phrase(StatementText.version(d) + (marks.isEmpty() ? "" : " · " + marks), grey),
                    document.right(),
                    document.top() + 18,
                    0);
            cb.setColorStroke(GREY);
            cb.setLineWidth(0.3f);
            cb.moveTo(document.left(), document.top() + 12);
            cb.lineTo(document.right(), document.top() + 12);
            cb.stroke();
            String page = "Página " + writer.getPageNumber() + " de ";
            float pageWidth = baseFont(grey).getWidthPoint(page, grey.getSize());
            float x = (document.left() + document.right()) / 2 - pageWidth / 2;
            float y = document.bottom() - 20;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(page, grey), x, y, 0);
            cb.addTemplate(total, x + pageWidth, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            Font grey = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, GREY);
            ColumnText.showTextAligned(
                    total, Element.ALIGN_LEFT, new Phrase(Integer.toString(writer.getPageNumber() - 1), grey), 0, 0, 0);
        }
    }
}
