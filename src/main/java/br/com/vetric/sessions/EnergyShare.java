package br.com.vetric.sessions;

import java.time.LocalDate;
import java.time.YearMonth;

/** Whole watt-hours of one session that fell on one local day, in or out of the peak window. */
public record EnergyShare(LocalDate day, boolean peak, long wh) {

    public YearMonth month() {
        return YearMonth.from(day);
    }
}
