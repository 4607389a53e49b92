package br.com.vetric.platform.web;

import br.com.vetric.platform.PtBr;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@link PtBr} for page templates, as {@code fmt} (see {@link PageModelAdvice}); times in São Paulo's wall time.
 */
@Component("fmt")
public class PageFormat {

    public String kwh(long wh) {
        return PtBr.kwh(wh);
    }

    public String kwhNumber(long wh) {
        return PtBr.kwhNumber(wh);
    }

    public String money(BigDecimal value) {
        return value == null ? "" : PtBr.money(value);
    }

    public String price(BigDecimal value) {
        return value == null ? "" : PtBr.price(value);
    }

    /** A price as a form field shows it: "0,8234". */
    public String priceNumber(BigDecimal value) {
        return PtBr.priceNumber(value);
    }

    /** "05/10/2026". */
    public String day(java.time.LocalDate day) {
        return PtBr.date(day);
    }

    /** "outubro de 2026". */
    public String month(java.time.YearMonth month) {
        return month == null ? "" : PtBr.month(month);
    }

    public String decimal(BigDecimal value, int digits) {
        return PtBr.decimal(value, digits);
    }

    public String percent(double fraction) {
        return PtBr.percent(fraction);
    }

    public String dateTime(Instant i) {
        return PtBr.dateTime(i, Zones.SAO_PAULO);
    }

    public String dateTimeSeconds(Instant i) {
        return PtBr.dateTimeSeconds(i, Zones.SAO_PAULO);
    }

    public String date(Instant i) {
        return PtBr.date(i, Zones.SAO_PAULO);
    }

    public String time(Instant i) {
        return PtBr.time(i, Zones.SAO_PAULO);
    }

    public long epochMillis(Instant i) {
        return i == null ? 0 : i.toEpochMilli();
    }

    /** "2 h 05 min", "12 min", "45 s". */
    public String duration(Long seconds) {
        return PtBr.duration(seconds);
    }

    public Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }

    public String phone(String e164) {
        return PtBr.phone(e164);
    }
}
