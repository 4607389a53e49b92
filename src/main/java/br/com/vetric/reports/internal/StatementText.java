package br.com.vetric.reports.internal;

import br.com.vetric.platform.PtBr;
import br.com.vetric.reports.Tariff;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.EnergyBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The explanatory lines printed on both the XLSX and the PDF (tariff, splitting rule, holidays). */
final class StatementText {

    private StatementText() {}

    static List<String> notes(StatementData d) {
        List<String> notes = new ArrayList<>();
        Tariff t = d.tariff();
        if (t == Tariff.NOT_CONFIGURED) {
            notes.add("Tarifa: não configurada — custos apresentados como R$ 0,00.");
        } else if (t.timeOfUse()) {
            notes.add("Tarifa horária: ponta " + PtBr.price(t.peakPrice()) + " das " + t.peakWindowLabel()
                    + " em dias úteis; fora de ponta " + PtBr.price(t.offPeakPrice())
                    + ". Fins de semana e feriados nacionais são fora de ponta (Carnaval não é feriado nacional).");
        } else {
            notes.add("Tarifa única: " + PtBr.price(t.flatPrice())
                    + " (toda a energia é apresentada como fora de ponta).");
        }
        notes.add("Regra de rateio: a energia de cada carregamento é dividida entre ponta, fora de ponta, dias e meses "
                + "em proporção ao tempo em que o carro estava de fato carregando, observado pelo VETRIC (base "
                + "\"medida\"), ou, quando o VETRIC não acompanhou o carregamento do início ao fim, ao tempo total "
                + "conectado (base \"rateada\"), em Wh inteiros que somam exatamente a energia do carregamento. "
                + "Este extrato contém apenas a parte do mês de referência.");
        notes.add(
                "Custo de cada carregamento: kWh de ponta × preço de ponta + kWh fora de ponta × preço fora de ponta, "
                        + "arredondado ao centavo (meio-par); os totais são a soma desses valores. Ociosidade: tempo parado "
                        + "registrado no carregamento.");
        Map<java.time.LocalDate, String> holidays = br.com.vetric.shared.BrazilianHolidays.inMonth(d.month());
        if (t.timeOfUse() && !holidays.isEmpty()) {
            StringBuilder sb = new StringBuilder("Feriados nacionais no mês (fora de ponta): ");
            holidays.forEach(
                    (day, name) -> sb.append(String.format("%02d/%02d", day.getDayOfMonth(), day.getMonthValue()))
                            .append(" ")
                            .append(name)
                            .append("; "));
            notes.add(sb.substring(0, sb.length() - 2) + ".");
        }
        return notes;
    }

    /** "medida" or "rateada": how the session's energy was placed in time. */
    static String basis(EnergyBasis basis) {
        return basis == EnergyBasis.MEASURED ? "medida" : "rateada";
    }

    /** Why a session has no resident, in the statement's words. */
    static String unidentified(ChargingSession s) {
        String tag = s.idTag() == null ? "" : s.idTag();
        return switch (s.unidentifiedReason()) {
            case NO_TAG -> "o carregador não informou a tag RFID";
            case TAG_PK_UNKNOWN -> "o carregador não informou a tag RFID e o cartão ainda não é conhecido";
            case TAG_NOT_REGISTERED -> "tag RFID " + tag + " não cadastrada para nenhum morador";
            case TRANSACTION_PENDING -> "aguardando o sistema do carregador informar a recarga";
            case NO_TRANSACTION -> "o conector foi usado, mas nenhuma recarga foi autorizada";
        };
    }

    static String title(StatementData d) {
        return "Extrato de consumo — " + PtBr.month(d.month());
    }
}
