package br.com.vetric.dashboard.internal;

import br.com.vetric.shared.Energy;
import br.com.vetric.shared.Phones;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Formats values for people: pt-BR numbers, São Paulo wall time. Available to every page template as
 * {@code fmt} (see {@code PageModelAdvice}).
 */
@Component("fmt")
public class Fmt {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Zones.SAO_PAULO);
    private static final DateTimeFormatter DATE_TIME_S = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(Zones.SAO_PAULO);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Zones.SAO_PAULO);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Zones.SAO_PAULO);

    public String kwh(long wh) {
        return Energy.formatKwh(wh);
    }

    /** "20,82" (no unit) for tables with a kWh column header. */
    public String kwhNumber(long wh) {
        return decimal(Energy.kwh(wh), 2);
    }

    public String decimal(BigDecimal value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(Energy.PT_BR);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return value == null ? "" : f.format(value);
    }

    public String percent(double fraction) {
        NumberFormat f = NumberFormat.getPercentInstance(Energy.PT_BR);
        f.setMaximumFractionDigits(1);
        return f.format(fraction);
    }

    public String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i);
    }

    public String dateTimeSeconds(Instant i) {
        return i == null ? "" : DATE_TIME_S.format(i);
    }

    public String date(Instant i) {
        return i == null ? "" : DATE.format(i);
    }

    public String time(Instant i) {
        return i == null ? "" : TIME.format(i);
    }

    public long epochMillis(Instant i) {
        return i == null ? 0 : i.toEpochMilli();
    }

    /** "2h 05min", "12min", "45s". */
    public String duration(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = Math.max(0, seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        if (h > 0) {
            return h + "h " + String.format("%02dmin", m);
        }
        if (m > 0) {
            return m + "min";
        }
        return s + "s";
    }

    public Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : java.time.Duration.between(from, to).toSeconds();
    }

    public String phone(String e164) {
        return Phones.display(e164);
    }
}
