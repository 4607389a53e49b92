package br.com.vetric.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Energy is kept as whole watt-hours; people read it as pt-BR kWh ("20,82 kWh"). */
public final class Energy {

    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private Energy() {}

    public static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_EVEN);
    }

    /** "20,82 kWh": two decimals, pt-BR separators, unit exactly once. */
    public static String formatKwh(long wh) {
        NumberFormat format = NumberFormat.getNumberInstance(PT_BR);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(kwh(wh)) + " kWh";
    }
}
