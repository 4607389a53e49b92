package br.com.vetric.reports.internal;

import br.com.vetric.platform.PtBr;
import br.com.vetric.reports.Tariff;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.EnergyBasis;
import br.com.vetric.shared.BrazilianHolidays;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The words printed on both the XLSX and the PDF: title, version and marks, tariffs, and the notes. */
final class StatementText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private StatementText() {}

    static String title(StatementData d) {
        return "Extrato de consumo — " + PtBr.month(d.month());
    }

    /** "Versão 3 · gerada em 01/11/2026 06:00". */
    static String version(StatementData d) {
        return "Versão " + d.version() + " · gerada em " + PtBr.dateTime(d.generatedAt(), d.zone());
    }

    /** "PARCIAL · RASCUNHO", "RASCUNHO", or "" for a final statement. */
    static String marks(StatementData d) {
        List<String> marks = new ArrayList<>();
        if (d.partial()) {
            marks.add("PARCIAL");
        }
        if (d.draft()) {
            marks.add("RASCUNHO");
        }
        return String.join(" · ", marks);
    }

    /** In place of a figure the charger has not reported yet (its energy comes when the session ends). */
    static final String ENERGY_PENDING = "informada ao final";

    static final String PENDING_NOTE = "Energia informada ao final: alguns carregadores só informam a energia quando o "
            + "carregamento termina; esses carregamentos em andamento entram com a energia e o custo em uma nova versão.";

    /** Why some sessions have no energy yet, when some have none. */
    static List<String> pendingNotes(StatementData d) {
        return d.allLines().stream().anyMatch(StatementData.Line::energyPending) ? List.of(PENDING_NOTE) : List.of();
    }

    /** What the marks mean, in a sentence each. */
    static List<String> markNotes(StatementData d) {
        List<String> notes = new ArrayList<>();
        if (d.partial()) {
            notes.add("PARCIAL: o mês ainda não terminou; este extrato mostra os carregamentos até "
                    + PtBr.dateTime(d.generatedAt(), d.zone()) + ".");
        }
        if (d.draft()) {
            notes.add("RASCUNHO: o mês ainda não foi fechado; os valores podem mudar em uma nova versão.");
        } else {
            notes.add("Versão final: o mês foi fechado.");
        }
        return notes;
    }

    /** One line per tariff in force in the month: "De 01/10 a 14/10/2026: tarifa horária, ponta R$ 1,25/kWh …". */
    static List<String> tariffs(StatementData d) {
        List<String> lines = new ArrayList<>();
        boolean several = d.tariffs().size() > 1;
        for (TariffSchedule.Stretch s : d.tariffs()) {
            String when = several ? "De " + DAY.format(s.from()) + " a " + DAY.format(s.to()) + " — " : "";
            lines.add(when + tariff(s.tariff()));
        }
        return lines;
    }

    static String tariff(Tariff t) {
        if (t == Tariff.NOT_CONFIGURED) {
            return "Sem tarifa configurada — custo R$ 0,00.";
        }
        if (t.timeOfUse()) {
            return "Tarifa horária — ponta " + PtBr.price(t.peakPrice()) + " das " + t.peakWindowLabel()
                    + " em dias úteis; fora de ponta " + PtBr.price(t.offPeakPrice()) + " nos demais horários.";
        }
        return "Tarifa única — " + PtBr.price(t.flatPrice()) + " a qualquer hora.";
    }

    static List<String> notes(StatementData d) {
        List<String> notes = new ArrayList<>();
        List<String> tariffs = tariffs(d);
        if (tariffs.size() == 1) {
            notes.add(tariffs.getFirst());
        } else {
            notes.add("Tarifas do mês (cada dia é cobrado pela tarifa em vigor naquele dia):");
            tariffs.forEach(t -> notes.add("  • " + t));
        }
        boolean timeOfUse = d.tariffs().stream().anyMatch(s -> s.tariff().timeOfUse());
        if (timeOfUse) {
            notes.add("Horário de ponta só em dias úteis: sábados, domingos e feriados nacionais são fora de ponta "
                    + "(Carnaval não é feriado nacional).");
        }
        notes.add("Regra de rateio: quando um carregamento passa por mais de um período (ponta e fora de ponta, dois "
                + "dias ou dois meses), a energia é dividida pelo tempo em que o carro estava de fato carregando, "
                + "observado pelo VETRIC (base \"medida\"); se o VETRIC não acompanhou o carregamento do início ao "
                + "fim, pelo tempo total conectado (base \"rateada\"). As partes são Wh inteiros e somam exatamente a "
                + "energia do carregamento. Este extrato contém só a parte do mês de referência.");
        notes.add("Como o custo é calculado: kWh de ponta × preço de ponta + kWh fora de ponta × preço fora de ponta, "
                + "arredondado ao centavo em cada carregamento; os totais são a soma desses valores. Ociosidade: tempo "
                + "em que o carro ficou conectado sem carregar.");
        Map<LocalDate, String> holidays = BrazilianHolidays.inMonth(d.month());
        if (timeOfUse && !holidays.isEmpty()) {
            StringBuilder sb = new StringBuilder("Feriados nacionais no mês (fora de ponta): ");
            holidays.forEach(
                    (day, name) -> sb.append(String.format("%02d/%02d", day.getDayOfMonth(), day.getMonthValue()))
                            .append(" ")
                            .append(name)
                            .append("; "));
            notes.add(sb.substring(0, sb.length() - 2) + ".");
        }
        notes.addAll(pendingNotes(d));
        notes.addAll(markNotes(d));
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
}
