package br.com.vetric.reports;

import br.com.vetric.shared.PeakWindow;
import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * How a condominium prices energy: a flat R$/kWh, or time-of-use with a peak window on working days (national
 * holidays and weekends are off-peak). {@code peakEnd} is exclusive: 17:30–20:30 means the last peak minute is
 * 20:29.
 */
public record Tariff(Mode mode, BigDecimal flatPrice, BigDecimal peakPrice, BigDecimal offPeakPrice,
                     LocalTime peakStart, LocalTime peakEnd) {

    public enum Mode { FLAT, TIME_OF_USE }

    /** A condominium with no tariff configured: energy is reported, cost is zero. */
    public static final Tariff NOT_CONFIGURED = new Tariff(Mode.FLAT, BigDecimal.ZERO, null, null, null, null);

    public static Tariff flat(BigDecimal price) {
        return new Tariff(Mode.FLAT, price, null, null, null, null);
    }

    public static Tariff timeOfUse(BigDecimal peakPrice, BigDecimal offPeakPrice, LocalTime peakStart, LocalTime peakEnd) {
        return new Tariff(Mode.TIME_OF_USE, null, peakPrice, offPeakPrice, peakStart, peakEnd);
    }

    public boolean timeOfUse() {
        return mode == Mode.TIME_OF_USE;
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
