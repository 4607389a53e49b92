package br.com.vetric.platform;

import br.com.vetric.shared.Energy;
import br.com.vetric.shared.Phones;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one way VETRIC writes values for people, in pt-BR: "20,82 kWh", "R$ 17,70", "R$ 0,8234/kWh", "2 h 05 min",
 * "12 min", "45 s", "05/10/2026 18:30", "outubro de 2026". Pages, exports, statements and messages all use it.
 */
public final class PtBr {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String[] MONTHS = {
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro"
    };

    private PtBr() {}

    /** "20,82 kWh": two decimals, the unit once. */
    public static String kwh(long wh) {
        return Energy.formatKwh(wh);
    }

    /** "20,82": for a column whose header says kWh. */
    public static String kwhNumber(long wh) {
        return decimal(Energy.kwh(wh), 2);
    }

    /** "20,821": kWh to the Wh, for statements whose totals must add up visibly. */
    public static String kwhExact(long wh) {
        return new DecimalFormat("#,##0.000", symbols())
                .format(BigDecimal.valueOf(wh).movePointLeft(3));
    }

    /** "R$ 1.234,57" (rounded half-even to the centavo). */
    public static String money(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.00", symbols());
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return "R$ " + f.format(value);
    }

    /** A price per kWh with two to six decimals: "R$ 0,8234/kWh". */
    public static String price(BigDecimal value) {
        return "R$ " + new DecimalFormat("#,##0.00####", symbols()).format(value) + "/kWh";
    }

    /** A price per kWh as typed in a form, without the currency and unit: "0,8234", "1,25". */
    public static String priceNumber(BigDecimal value) {
        return value == null ? "" : new DecimalFormat("#,##0.00####", symbols()).format(value);
    }

    /** "05/10/2026". */
    public static String date(java.time.LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public static String decimal(BigDecimal value, int digits) {
        if (value == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Energy.PT_BR);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(value);
    }

    /** "12,5 %". */
    public static String percent(double fraction) {
        NumberFormat f = NumberFormat.getPercentInstance(Energy.PT_BR);
        f.setMaximumFractionDigits(1);
        return f.format(fraction);
    }

    /** "2 h 05 min", "12 min", "45 s"; empty for null. */
    public static String duration(Long seconds) {
        return seconds == null ? "" : duration(seconds.longValue());
    }

    /** "2 h 05 min", "12 min", "45 s". */
    public static String duration(long seconds) {
        long s = Math.max(0, seconds);
        long minutes = s / 60;
        if (minutes == 0) {
            return s + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h " + String.format("%02d", minutes % 60) + " min";
    }

    /** "05/10/2026 18:30" in the zone; empty for null. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public static String dateTimeSeconds(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(zone));
    }

    public static String date(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** "outubro de 2026". */
    public static String month(YearMonth month) {
        return MONTHS[month.getMonthValue() - 1] + " de " + month.getYear();
    }

    /** "(11) 98765-4321" for a Brazilian number, international form otherwise. */
    public static String phone(String e164) {
        return Phones.display(e164);
    }

    private static DecimalFormatSymbols symbols() {
        return DecimalFormatSymbols.getInstance(Energy.PT_BR);
    }
}
