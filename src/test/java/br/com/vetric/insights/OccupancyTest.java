package br.com.vetric.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import br.com.vetric.insights.internal.Occupancy;
import br.com.vetric.insights.internal.Occupancy.Use;
import br.com.vetric.shared.Zones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heatmap and the replay of recorded demand against k chargers, on uses whose answer is known. */
class OccupancyTest {

    static Instant sp(String t) {
        return LocalDateTime.parse(t).atZone(Zones.SAO_PAULO).toInstant();
    }

    @Test
    void anHourChargingAndAnHourIdleFillTheirCellsOnTheRightWeekday() {
        // Monday 2026-03-02, 20:00–22:00 plugged, the last hour idle; one connector, one week observed
        Use u = new Use(sp("2026-03-02T20:00"), sp("2026-03-02T22:00"), 3600);
        Occupancy.Heatmap h =
                Occupancy.heatmap(List.of(u), 1, sp("2026-03-02T00:00"), sp("2026-03-09T00:00"), Zones.SAO_PAULO);
        assertThat(h.charging()[0][20]).isEqualTo(1.0);
        assertThat(h.idle()[0][21]).isEqualTo(1.0);
        assertThat(h.free(0, 22)).isEqualTo(1.0);
        assertThat(h.charging()[1][20]).isZero(); // Tuesday
        // two connectors: the same hour is half busy
        Occupancy.Heatmap two =
                Occupancy.heatmap(List.of(u), 2, sp("2026-03-02T00:00"), sp("2026-03-09T00:00"), Zones.SAO_PAULO);
        assertThat(two.charging()[0][20]).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void twoCarsArrivingTogetherMakeOneWaitWithOneChargerAndNoneWithTwo() {
        List<Use> uses = List.of(
                new Use(sp("2026-03-02T19:00"), sp("2026-03-02T21:00"), 0),
                new Use(sp("2026-03-02T19:10"), sp("2026-03-02T20:00"), 0),
                new Use(sp("2026-03-03T19:00"), sp("2026-03-03T20:00"), 0));
        Occupancy.Replay one = Occupancy.replay(uses, 1, Duration.ofMinutes(15));
        assertThat(one.waitedLonger()).isEqualTo(1);
        assertThat(one.maxWaitSeconds()).isEqualTo(110 * 60); // 19:10 until 21:00
        Occupancy.Replay two = Occupancy.replay(uses, 2, Duration.ofMinutes(15));
        assertThat(two.maxWaitSeconds()).isZero();
        Occupancy.Sizing sizing = Occupancy.sizing(uses, 3, Duration.ofMinutes(15));
        assertThat(sizing.enough()).isEqualTo(2); // one of three waiting is more than 5 %
        assertThat(Occupancy.sizing(uses, 3, Duration.ofMinutes(120)).enough()).isEqualTo(1);
    }
}
