package br.com.vetric.reports;

import br.com.vetric.shared.PeakWindow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;

/**
 * How a condominium prices energy: a flat R$/kWh, or time-of-use with a peak window on working days (national
 * holidays and weekends are off-peak). {@code peakEnd} is exclusive: 17:30–20:30 means the last peak minute is
 * 20:29.
 */
public record Tariff(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Mode mode,

        @Schema(description = "R$/kWh, 0 to 100; required when mode is FLAT")
        BigDecimal flatPrice,

        @Schema(description = "R$/kWh, 0 to 100; required when mode is TIME_OF_USE")
        BigDecimal peakPrice,

        @Schema(description = "R$/kWh, 0 to 100; required when mode is TIME_OF_USE")
        BigDecimal offPeakPrice,

        @Schema(type = "string", example = "17:30", description = "HH:mm; required when mode is TIME_OF_USE")
        LocalTime peakStart,

        @Schema(
                type = "string",
                example = "20:30",
                description = "HH:mm, exclusive, after peakStart; required when mode is TIME_OF_USE")
        LocalTime peakEnd) {

    public enum Mode {
        FLAT,
        TIME_OF_USE
    }

    /** A condominium with no tariff configured: energy is reported, cost is zero. */
    public static final Tariff NOT_CONFIGURED = new Tariff(Mode.FLAT, BigDecimal.ZERO, null, null, null, null);

    public static Tariff flat(BigDecimal price) {
        return new Tariff(Mode.FLAT, price, null, null, null, null);
    }

    public static Tariff timeOfUse(
            BigDecimal peakPrice, BigDecimal offPeakPrice, LocalTime peakStart, LocalTime peakEnd) {
        return new Tariff(Mode.TIME_OF_USE, null, peakPrice, offPeakPrice, peakStart, peakEnd);
    }

    public boolean timeOfUse() {
        return mode == Mode.TIME_OF_USE;
    }

    /**
     * What energy costs under this tariff: peak kWh × peak price + off-peak kWh × off-peak price (flat: kWh × price),
     * rounded half-even to the centavo.
     */
    public BigDecimal cost(long peakWh, long offPeakWh) {
        return exactCost(peakWh, offPeakWh).setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * The same, not rounded: what a part of a session costs when its month spans two tariffs (the session's cost is
     * the sum of its parts, rounded once).
     */
    public BigDecimal exactCost(long peakWh, long offPeakWh) {
        return switch (mode) {
            case FLAT -> kwh(peakWh + offPeakWh).multiply(flatPrice);
            case TIME_OF_USE ->
                kwh(peakWh).multiply(peakPrice).add(kwh(offPeakWh).multiply(offPeakPrice));
        };
    }

    private static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh).movePointLeft(3); // exact: 3 decimals
    }

    /** The hours priced at peak: none for a flat tariff. */
    public PeakWindow peakWindow() {
        return timeOfUse() ? new PeakWindow(peakStart, peakEnd) : PeakWindow.NONE;
    }

    /** "17:30–20:29": the peak window as people read it (last minute inclusive). */
    public String peakWindowLabel() {
        return peakWindow().label();
    }
}
