package br.com.vetric.reports.internal;

import br.com.vetric.platform.PtBr;
import br.com.vetric.reports.StatementLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement per apartment, as the building's administration imports it to issue each unit's boleto: one row per
 * apartment (and tower), its residents, sessions, kWh and R$. pt-BR CSV: semicolon separated, decimal comma, CRLF,
 * UTF-8 with a byte-order mark; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
public final class UnitsCsv {

    static final String HEADER =
            "Apartamento;Torre;Moradores;Carregamentos;Energia (kWh);Ponta (kWh);" + "Fora de ponta (kWh);Valor (R$)";

    private UnitsCsv() {}

    public static byte[] write(List<StatementLine> lines) {
        Map<String, List<StatementLine>> units = new LinkedHashMap<>();
        for (StatementLine l : lines) {
            units.computeIfAbsent(
                            l.apartment() + "\u0000" + (l.tower() == null ? "" : l.tower()), k -> new ArrayList<>())
                    .add(l);
        }
        StringBuilder sb = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (List<StatementLine> unit : units.values()) {
            StatementLine first = unit.getFirst();
            List<String> names =
                    unit.stream().map(StatementLine::residentName).distinct().toList();
            long wh = unit.stream().mapToLong(StatementLine::energyWh).sum();
            long peak = unit.stream().mapToLong(StatementLine::peakWh).sum();
            int sessions = unit.stream().mapToInt(StatementLine::sessions).sum();
            BigDecimal amount = unit.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            sb.append(String.join(
                            ";",
                            cell(first.apartment()),
                            cell(first.tower() == null ? "" : first.tower()),
                            cell(String.join(" / ", names)),
                            Integer.toString(sessions),
                            PtBr.kwhExact(wh),
                            PtBr.kwhExact(peak),
                            PtBr.kwhExact(wh - peak),
                            PtBr.decimal(amount, 2)))
                    .append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
