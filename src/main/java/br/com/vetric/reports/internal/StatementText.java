package br.com.vetric.reports.internal;

import br.com.vetric.reports.Tariff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The explanatory lines printed on both the XLSX and the PDF (tariff, splitting rule, holidays). */
final class StatementText {

    private StatementText() {
    }

    static List<String> notes(StatementData d) {
        List<String> notes = new ArrayList<>();
        Tariff t = d.tariff();
        if (t == Tariff.NOT_CONFIGURED) {
            notes.add("Tarifa: não configurada — custos apresentados como R$ 0,00.");
        } else if (t.timeOfUse()) {
            notes.add("Tarifa horária: ponta " + Fmt.price(t.peakPrice()) + " das " + t.peakWindowLabel()
                    + " em dias úteis; fora de ponta " + Fmt.price(t.offPeakPrice())
                    + ". Fins de semana e feriados nacionais são fora de ponta (Carnaval não é feriado nacional).");
        } else {
            notes.add("Tarifa única: " + Fmt.price(t.flatPrice()) + " (toda a energia é apresentada como fora de ponta).");
        }
        notes.add("Regra de rateio: a energia de um carregamento que atravessa o início ou o fim da ponta, a meia-noite "
                + "ou a virada do mês é dividida em proporção ao tempo em cada período, em Wh inteiros "
                + "(maiores restos: as partes somam exatamente a energia do carregamento). Este extrato contém apenas "
                + "a parte do mês de referência.");
        notes.add("Custo de cada carregamento: kWh de ponta × preço de ponta + kWh fora de ponta × preço fora de ponta, "
                + "arredondado ao centavo (meio-par); os totais são a soma desses valores. Ociosidade: tempo parado "
                + "registrado no carregamento.");
        Map<java.time.LocalDate, String> holidays = BrazilianHolidays.inMonth(d.month());
        if (t.timeOfUse() && !holidays.isEmpty()) {
            StringBuilder sb = new StringBuilder("Feriados nacionais no mês (fora de ponta): ");
            holidays.forEach((day, name) -> sb.append(String.format("%02d/%02d", day.getDayOfMonth(), day.getMonthValue()))
                    .append(" ").append(name).append("; "));
            notes.add(sb.substring(0, sb.length() - 2) + ".");
        }
        return notes;
    }

    static String title(StatementData d) {
        return "Extrato de consumo — " + Fmt.month(d.month());
    }
}
