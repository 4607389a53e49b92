package br.com.vetric.insights.internal;

import br.com.vetric.platform.PtBr;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The insights page as a PDF for the condominium's meeting (OpenPDF, as the statement): the forecast with its
 * interval and how far to trust it, the apartments compared, the busiest hours and the charger sizing, the chargers'
 * reliability and the backtest.
 */
public final class InsightsPdf {

    private static final Font H1 = new Font(Font.HELVETICA, 15, Font.BOLD);
    private static final Font H2 = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 8.5f);
    private static final Font BOLD = new Font(Font.HELVETICA, 8.5f, Font.BOLD);
    private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);
    private static final String[] WEEKDAYS = {"seg", "ter", "qua", "qui", "sex", "sáb", "dom"};

    private InsightsPdf() {}

    /** Everything the page shows, for one condominium and month. */
    public record Content(
            String condominium,
            ZoneId zone,
            Instant generatedAt,
            Insights.MonthForecast forecast,
            List<Insights.Ranked> ranking,
            Insights.Backtest backtest,
            InsightsService.Utilisation utilisation,
            int waitMinutes,
            List<Reliability> reliability,
            List<String> unusual,
            String model) {}

    public static byte[] write(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 42, 42);
        PdfWriter.getInstance(doc, out);
        Insights.MonthForecast f = c.forecast();
        String title = "Indicadores de " + PtBr.month(f.month());
        doc.addTitle(title);
        doc.addCreator("VETRIC");
        doc.open();
        doc.add(new Paragraph(title, H1));
        doc.add(new Paragraph(c.condominium() + " · gerado em " + PtBr.dateTime(c.generatedAt(), c.zone()), BODY));

        doc.add(heading("Previsão do mês"));
        Insights.Forecast cf = f.condominium();
        doc.add(new Paragraph(
                "Até " + PtBr.date(f.asOf()) + ": " + PtBr.kwh(cf.toDateWh())
                        + (cf.costToDate() == null ? "" : " (" + PtBr.money(cf.costToDate()) + ")")
                        + ". Previsão para o mês: " + PtBr.kwh(cf.forecastWh())
                        + (cf.costForecast() == null ? "" : " (" + PtBr.money(cf.costForecast()) + ")")
                        + "; 80 % de chance de ficar entre " + PtBr.kwh(cf.lowWh()) + " e " + PtBr.kwh(cf.highWh())
                        + ".",
                BOLD));
        doc.add(new Paragraph(c.model(), BODY));
        if (c.backtest().empty()) {
            doc.add(new Paragraph("Ainda não há meses anteriores completos para medir o erro da previsão.", BODY));
        }
        for (Insights.Accuracy a : c.backtest().condominium()) {
            doc.add(new Paragraph(
                    "Previsões feitas no dia " + a.madeOnDay() + " em meses anteriores: erro médio "
                            + PtBr.percent(a.mape()) + "; o intervalo acertou " + PtBr.percent(a.coverage()) + " ("
                            + a.forecasts() + " previsões).",
                    BODY));
        }

        doc.add(heading("Fora do usual"));
        if (c.unusual().isEmpty()) {
            doc.add(new Paragraph("Nada fora do usual neste mês.", BODY));
        }
        for (String u : c.unusual()) {
            doc.add(new Paragraph("• " + u, BODY));
        }

        doc.add(heading("Comparação entre apartamentos"));
        PdfPTable ranking = table(
                new float[] {1, 3, 2, 2, 2, 2, 2},
                "#",
                "Apartamento",
                "kWh no mês",
                "Previsão (kWh)",
                "Carregamentos",
                "Tempo ocioso",
                "Na ponta");
        for (Insights.Ranked r : c.ranking()) {
            cells(
                    ranking,
                    Integer.toString(r.rank()),
                    r.apartment(),
                    PtBr.kwhNumber(r.energyWh()),
                    r.forecastWh() == null ? "—" : PtBr.kwhNumber(r.forecastWh()),
                    Integer.toString(r.sessions()),
                    PtBr.percent(r.idleShare()),
                    PtBr.percent(r.peakShare()));
        }
        doc.add(ranking);

        doc.add(heading("Uso dos carregadores"));
        Occupancy.Heatmap h = c.utilisation().heatmap();
        StringBuilder busiest = new StringBuilder("Horários mais ocupados: ");
        int shown = 0;
        for (double level = 1.0; level > 0.25 && shown < 6; level -= 0.25) {
            for (int w = 0; w < 7 && shown < 6; w++) {
                for (int hour = 0; hour < 24 && shown < 6; hour++) {
                    double busy = h.charging()[w][hour] + h.idle()[w][hour];
                    if (busy <= level && busy > level - 0.25) {
                        busiest.append(shown == 0 ? "" : ", ")
                                .append(WEEKDAYS[w])
                                .append(' ')
                                .append(hour)
                                .append(" h (")
                                .append(PtBr.percent(busy))
                                .append(')');
                        shown++;
                    }
                }
            }
        }
        doc.add(new Paragraph(shown == 0 ? "Nenhum uso registrado no mês." : busiest + ".", BODY));
        Occupancy.Sizing s = c.utilisation().sizing();
        doc.add(new Paragraph(
                s.enough() > 0
                        ? "Com a demanda registrada, " + s.enough()
                                + " carregador(es) teriam mantido a espera abaixo de "
                                + c.waitMinutes() + " min para 95 % dos carregamentos (hoje: "
                                + c.utilisation().connectors() + " conector(es))."
                        : "Nem com " + (c.utilisation().connectors() + 2) + " carregadores a espera ficaria abaixo de "
                                + c.waitMinutes() + " min para 95 % dos carregamentos.",
                BODY));

        doc.add(heading("Confiabilidade dos carregadores (piores primeiro)"));
        PdfPTable rel = table(
                new float[] {3, 1, 2, 2, 2, 2},
                "Carregador",
                "Falhas",
                "Offline",
                "Interrompidos",
                "Entre falhas",
                "Tendência");
        for (Reliability r : c.reliability()) {
            cells(
                    rel,
                    r.name(),
                    Integer.toString(r.faults()),
                    PtBr.duration(r.offlineSeconds()),
                    r.abnormalEnds() + " de " + r.sessions(),
                    r.mtbfHours() == null ? "—" : PtBr.duration(Math.round(r.mtbfHours() * 3600)),
                    switch (r.trend()) {
                        case BETTER -> "melhorando";
                        case STEADY -> "estável";
                        case WORSE -> "piorando";
                    });
        }
        doc.add(rel);

        if (!c.backtest().empty()) {
            doc.add(heading("Como a previsão se saiu nos meses anteriores"));
            PdfPTable bt = table(
                    new float[] {2, 1, 2, 3, 2, 1},
                    "Mês",
                    "Dia",
                    "Previsão (kWh)",
                    "Faixa de 80 %",
                    "Real (kWh)",
                    "Na faixa");
            for (Insights.BacktestRow r : c.backtest().rows()) {
                cells(
                        bt,
                        PtBr.month(r.month()),
                        Integer.toString(r.madeOnDay()),
                        PtBr.kwhNumber(r.forecastWh()),
                        PtBr.kwhNumber(r.lowWh()) + " – " + PtBr.kwhNumber(r.highWh()),
                        PtBr.kwhNumber(r.truthWh()),
                        r.held() ? "sim" : "não");
            }
            doc.add(bt);
        }
        doc.close();
        return out.toByteArray();
    }

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, H2);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String head : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(head, BOLD));
            cell.setBackgroundColor(HEAD);
            t.addCell(cell);
        }
        return t;
    }

    private static void cells(PdfPTable t, String... values) {
        for (int i = 0; i < values.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(values[i], BODY));
            if (i > 0) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            t.addCell(cell);
        }
    }
}
