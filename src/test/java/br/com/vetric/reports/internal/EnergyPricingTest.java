package br.com.vetric.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.TariffPeriod;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.shared.PeakWindow;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pricing a month whose tariff changes: each day is priced with the tariff in force that day, its Wh placed with the
 * month's reference window and split by that day's own window; the parts always add up to the month's share.
 */
class EnergyPricingTest {

    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
    static final Tariff EARLY = Tariff.timeOfUse(
            new BigDecimal("1.20"), new BigDecimal("0.70"), LocalTime.of(17, 30), LocalTime.of(20, 30));
    static final Tariff LATE =
            Tariff.timeOfUse(new BigDecimal("2.00"), new BigDecimal("1.00"), LocalTime.of(18, 0), LocalTime.of(21, 0));
    /** EARLY until 14/10/2026, LATE from Thu 15/10/2026 (the month's reference window is LATE's). */
    static final TariffSchedule SCHEDULE = new TariffSchedule(List.of(
            new TariffPeriod(LocalDate.of(2000, 1, 1), EARLY), new TariffPeriod(LocalDate.of(2026, 10, 15), LATE)));

    static SessionEnergy placed(ChargingSession s, PeakWindow window) {
        return SessionEnergy.spread(s, window, Zones.SAO_PAULO, NOW);
    }

    static EnergyPricing.Priced price(ChargingSession s) {
        return EnergyPricing.price(placed(s, LATE.peakWindow()), window -> placed(s, window), SCHEDULE, OCT);
    }

    static ChargingSession session(String start, String end, long wh) {
        return StatementArithmeticTest.session(1, start, end, wh, 1L, "Ana", "101", "AAA", 0);
    }

    @Test
    void eachDayIsPricedWithTheTariffAndPeakWindowInForceThatDay() {
        // Wed 14/10 17:00–19:00 (EARLY: peak from 17:30): 1.5 h of 2 at peak, 8,000 Wh -> 6,000 peak, 2,000 off-peak
        // = 6,000 × 1,20 + 2,000 × 0,70 = 7,20 + 1,40 = R$ 8,60
        EnergyPricing.Priced early = price(session("2026-10-14T17:00", "2026-10-14T19:00", 8_000));
        assertThat(early.peakWh()).isEqualTo(6_000);
        assertThat(early.offPeakWh()).isEqualTo(2_000);
        assertThat(early.cost()).isEqualByComparingTo("8.60");
        // Thu 15/10 same hours (LATE: peak from 18:00): 1 h of 2 -> 4,000 each = 8,00 + 4,00 = R$ 12,00
        EnergyPricing.Priced late = price(session("2026-10-15T17:00", "2026-10-15T19:00", 8_000));
        assertThat(late.peakWh()).isEqualTo(4_000);
        assertThat(late.cost()).isEqualByComparingTo("12.00");
    }

    @Test
    void aSessionAcrossTheChangeIsPricedDayByDayAndRoundedOnce() {
        // Wed 14/10 20:00 -> Thu 15/10 20:00 (24 h), 24,000 Wh: 1,000 Wh per hour.
        // 14/10 (EARLY, peak 17:30–20:30): 20:00–20:30 peak = 500 Wh; 20:30–24:00 off = 3,500 Wh -> 0,60 + 2,45
        // 15/10 (LATE, peak 18:00–21:00): 18:00–20:00 peak = 2,000 Wh; 00:00–18:00 off = 18,000 Wh -> 4,00 + 18,00
        EnergyPricing.Priced p = price(session("2026-10-14T20:00", "2026-10-15T20:00", 24_000));
        assertThat(p.peakWh()).isEqualTo(2_500);
        assertThat(p.offPeakWh()).isEqualTo(21_500);
        assertThat(p.cost()).isEqualByComparingTo("25.05");
    }

    @Test
    void aFlatDayHasNoPeakWhateverTheReferenceWindow() {
        TariffSchedule flatThenTou = new TariffSchedule(List.of(
                new TariffPeriod(LocalDate.of(2000, 1, 1), Tariff.flat(new BigDecimal("0.90"))),
                new TariffPeriod(LocalDate.of(2026, 10, 20), LATE)));
        ChargingSession s = session("2026-10-14T18:00", "2026-10-14T19:00", 1_000);
        EnergyPricing.Priced p = EnergyPricing.price(placed(s, LATE.peakWindow()), w -> placed(s, w), flatThenTou, OCT);
        assertThat(p.peakWh()).isZero();
        assertThat(p.cost()).isEqualByComparingTo("0.90");
    }

    @Test
    void thePartsAlwaysAddUpToTheMonthsShare() {
        Random random = new Random(10);
        for (int i = 0; i < 1_500; i++) {
            Instant start = StatementArithmeticTest.sp("2026-09-28T00:00").plusSeconds(random.nextInt(40 * 86_400));
            Instant end = start.plusSeconds(random.nextInt(4 * 86_400));
            ChargingSession s = StatementArithmeticTest.between(start, end, random.nextInt(90_000));
            SessionEnergy ref = placed(s, LATE.peakWindow());
            EnergyPricing.Priced p = EnergyPricing.price(ref, w -> placed(s, w), SCHEDULE, OCT);
            assertThat(p.wh()).isEqualTo(ref.wh(OCT));
            assertThat(p.peakWh()).isBetween(0L, p.wh());
        }
    }

    @Test
    void withOneTariffTheSharesArePricedAsPlaced() {
        ChargingSession s = session("2026-10-05T17:00", "2026-10-05T18:00", 10_001);
        EnergyPricing.Priced p = EnergyPricing.price(
                placed(s, EARLY.peakWindow()),
                w -> {
                    throw new AssertionError("no other window is needed");
                },
                TariffSchedule.of(EARLY),
                OCT);
        assertThat(p.peakWh()).isEqualTo(5_000);
        assertThat(p.cost()).isEqualByComparingTo("9.50");
    }
}
