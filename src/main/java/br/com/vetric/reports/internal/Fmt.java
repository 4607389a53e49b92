package br.com.vetric.reports.internal;

import br.com.vetric.shared.Energy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** pt-BR formatting for the statement: "R$ 17,70", "20,82 kWh", "05/10/2026 18:30", "1 h 05 min". */
final class Fmt {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String[] MONTHS = {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
            "agosto", "setembro", "outubro", "novembro", "dezembro"};

    private Fmt() {
    }

    static String money(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Energy.PT_BR));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return "R$ " + f.format(value);
    }

    /** A price per kWh with up to 6 decimals, at least 2: "R$ 0,8234/kWh". */
    static String price(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.00####", DecimalFormatSymbols.getInstance(Energy.PT_BR));
        return "R$ " + f.format(value) + "/kWh";
    }

    static String kwh(long wh) {
        return Energy.formatKwh(wh);
    }

    /** kWh with 3 decimals (exact Wh), no unit: "20,821". */
    static String kwhExact(long wh) {
        DecimalFormat f = new DecimalFormat("#,##0.000", DecimalFormatSymbols.getInstance(Energy.PT_BR));
        return f.format(BigDecimal.valueOf(wh).movePointLeft(3));
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    static String duration(long seconds) {
        long minutes = Math.max(0, seconds) / 60;
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + String.format("%02d", minutes % 60) + " min";
    }

    static String month(YearMonth month) {
        return MONTHS[month.getMonthValue() - 1] + " de " + month.getYear();
    }
}
