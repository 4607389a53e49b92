package br.com.vetric.insights;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.insights.internal.Unusual;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The unusual-pattern rules: robust against ordinary variation, firing on what is far from the usual. */
class UnusualTest {

    @Test
    void aMonthToDateFarAboveTheSameDaysOfPreviousMonthsIsUnusualAndAnOrdinaryOneIsNot() {
        List<Long> previous = List.of(30_000L, 32_000L, 29_000L, 31_000L, 30_000L, 35_000L);
        assertThat(Unusual.consumptionThreshold(36_000, previous)).isNull();
        assertThat(Unusual.consumptionThreshold(80_000, previous)).isNull(); // some more sessions than usual
        assertThat(Unusual.consumptionThreshold(150_000, previous)).isNotNull().isLessThan(150_000L);
        // too little history to know what is usual
        assertThat(Unusual.consumptionThreshold(150_000, List.of(30_000L, 31_000L)))
                .isNull();
    }

    @Test
    void aMonthOfOrdinarySimulatedUseRaisesNoConsumptionAlert() {
        // 200 apartments, each charging on random days (Poisson-like, 0.25 sessions a day of 8–20 kWh), 7 months:
        // the last month is drawn like the others, so none of them is unusual
        Random random = new Random(11);
        int alerts = 0;
        for (int apartment = 0; apartment < 200; apartment++) {
            double rate = 0.1 + 0.3 * random.nextDouble();
            List<Long> months = new ArrayList<>();
            for (int m = 0; m < 7; m++) {
                long wh = 0;
                for (int day = 0; day < 20; day++) {
                    if (random.nextDouble() < rate) {
                        wh += 8_000 + random.nextInt(12_000);
                    }
                }
                months.add(wh);
            }
            if (Unusual.consumptionThreshold(months.getLast(), months.subList(0, 6)) != null) {
                alerts++;
            }
        }
        assertThat(alerts).isZero();
    }

    @Test
    void aChargerWithMoreAbnormalEndsThanTheCondominiumsRateIsUnusual() {
        // 5 of its 20 sessions cut while the other chargers had 1 in 100
        assertThat(Unusual.abnormalExpected(5, 20, 6, 120)).isNotNull().isLessThan(1.0);
        // 3 of 20 where the others had 15 in 100: the condominium's usual
        assertThat(Unusual.abnormalExpected(3, 20, 18, 120)).isNull();
        // 2 are never enough
        assertThat(Unusual.abnormalExpected(2, 5, 2, 100)).isNull();
    }

    @Test
    void aSessionDeliveringFarLessThanItsChargingTimeImpliesIsUnusual() {
        double median = Unusual.medianPowerW(
                List.of(new double[] {14_000, 7_200}, new double[] {7_000, 3_600}, new double[] {21_000, 10_800}));
        assertThat(median).isEqualTo(7_000);
        assertThat(Unusual.lowEnergy(1_000, 7_200, median)).isTrue(); // 0.5 kW for 2 h
        assertThat(Unusual.lowEnergy(12_000, 7_200, median)).isFalse();
        assertThat(Unusual.lowEnergy(100, 1_800, median)).isFalse(); // under an hour: too short to tell
    }
}
