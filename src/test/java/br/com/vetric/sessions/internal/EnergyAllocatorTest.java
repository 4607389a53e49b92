package br.com.vetric.sessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.sessions.EnergyBasis;
import br.com.vetric.sessions.EnergyShare;
import br.com.vetric.shared.PeakWindow;
import br.com.vetric.shared.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The one allocation rule: hand-computed cases on a working day with a 17:30–20:30 peak (Tue 2026-03-10). */
class EnergyAllocatorTest {

    static final PeakWindow PEAK = new PeakWindow(LocalTime.of(17, 30), LocalTime.of(20, 30));

    static Instant sp(String local) {
        return LocalDateTime.parse(local).atZone(Zones.SAO_PAULO).toInstant();
    }

    static ChargingInterval span(String from, String to) {
        return new ChargingInterval(sp(from), sp(to));
    }

    static long peak(List<EnergyShare> shares) {
        return shares.stream()
                .filter(EnergyShare::peak)
                .mapToLong(EnergyShare::wh)
                .sum();
    }

    static long total(List<EnergyShare> shares) {
        return shares.stream().mapToLong(EnergyShare::wh).sum();
    }

    @Test
    void chargingOnlyBeforeThePeakBillsNothingAtPeakThoughThePlugStaysIn() {
        // charging 14:00–17:00, then idle (plugged in) until 21:00: spread over 14:00–21:00 would put 3 h of 7 at peak
        List<EnergyShare> measured = EnergyAllocator.allocate(
                21_000, List.of(span("2026-03-10T14:00", "2026-03-10T17:00")), PEAK, Zones.SAO_PAULO);
        assertThat(peak(measured)).isZero();
        assertThat(total(measured)).isEqualTo(21_000);
        List<EnergyShare> spread = EnergyAllocator.allocate(
                21_000, List.of(span("2026-03-10T14:00", "2026-03-10T21:00")), PEAK, Zones.SAO_PAULO);
        assertThat(peak(spread)).isEqualTo(9_000); // 3 of 7 hours: 43 %
    }

    @Test
    void chargingAcrossThePeakStartBillsTheMinutesInsideIt() {
        // charging 16:00–18:30 (150 min, 60 at peak), idle until 22:00: 40 % at peak
        List<EnergyShare> shares = EnergyAllocator.allocate(
                15_000, List.of(span("2026-03-10T16:00", "2026-03-10T18:30")), PEAK, Zones.SAO_PAULO);
        assertThat(peak(shares)).isEqualTo(6_000);
        assertThat(total(shares)).isEqualTo(15_000);
    }

    @Test
    void severalIntervalsShareTheEnergyByTheirLength() {
        // 1 h off-peak, 1 h at peak, 2 h off-peak after midnight (next day): 4,001 Wh
        List<EnergyShare> shares = EnergyAllocator.allocate(
                4_001,
                List.of(
                        span("2026-03-10T15:00", "2026-03-10T16:00"),
                        span("2026-03-10T18:00", "2026-03-10T19:00"),
                        span("2026-03-11T01:00", "2026-03-11T03:00")),
                PEAK,
                Zones.SAO_PAULO);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        shares.forEach(s -> perDay.merge(s.day(), s.wh(), Long::sum));
        // month level: peak 1/4 = 1,000.25 -> 1,000; off-peak 3/4 = 3,000.75 -> 3,001 (larger remainder)
        assertThat(peak(shares)).isEqualTo(1_000);
        // off-peak 3,001 over 1 h on the 10th and 2 h on the 11th: 1,000.33 / 2,000.67 -> 1,000 / 2,001
        assertThat(perDay)
                .containsEntry(LocalDate.of(2026, 3, 10), 2_000L)
                .containsEntry(LocalDate.of(2026, 3, 11), 2_001L);
    }

    @Test
    void partsAlwaysSumExactlyAndDaysSumToTheirMonth() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Instant start = sp("2026-02-20T00:00").plusSeconds(random.nextInt(20 * 86_400));
            List<ChargingInterval> spans = new java.util.ArrayList<>();
            Instant t = start;
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                Instant end = t.plusSeconds(random.nextInt(30 * 3600));
                spans.add(new ChargingInterval(t, end));
                t = end.plusSeconds(random.nextInt(10 * 3600));
            }
            long wh = random.nextInt(90_000);
            List<EnergyShare> shares = EnergyAllocator.allocate(wh, spans, PEAK, Zones.SAO_PAULO);
            assertThat(total(shares)).isEqualTo(wh);
            assertThat(shares).allMatch(s -> s.wh() >= 0);
        }
    }

    @Test
    void anInstantLongSessionCountsWhereItStarted() {
        List<EnergyShare> shares = EnergyAllocator.allocate(
                500, List.of(span("2026-03-10T18:00", "2026-03-10T18:00")), PEAK, Zones.SAO_PAULO);
        assertThat(shares).containsExactly(new EnergyShare(LocalDate.of(2026, 3, 10), true, 500));
    }

    @Test
    void aSessionWatchedLiveWithChargingTimeIsMeasuredOtherwiseSpread() {
        Instant start = sp("2026-03-10T14:00");
        Instant end = sp("2026-03-10T21:00");
        Session watched = session(start, end, true, null);
        EnergyAllocator.Spans measured =
                EnergyAllocator.spans(watched, List.of(new ChargingInterval(start, sp("2026-03-10T17:00"))), end);
        assertThat(measured.basis()).isEqualTo(EnergyBasis.MEASURED);
        assertThat(measured.spans()).hasSize(1);

        Session imported = session(start, end, false, null);
        EnergyAllocator.Spans spread = EnergyAllocator.spans(imported, List.of(), end);
        assertThat(spread.basis()).isEqualTo(EnergyBasis.SPREAD);
        assertThat(spread.spans()).containsExactly(new ChargingInterval(start, end));

        Session watchedButNeverCharging = session(start, end, true, null);
        assertThat(EnergyAllocator.spans(watchedButNeverCharging, List.of(), end)
                        .basis())
                .isEqualTo(EnergyBasis.SPREAD);

        // an open session still charging: its current interval runs up to now
        Session charging = session(start, null, true, sp("2026-03-10T16:00"));
        EnergyAllocator.Spans open = EnergyAllocator.spans(charging, List.of(), sp("2026-03-10T18:00"));
        assertThat(open.basis()).isEqualTo(EnergyBasis.MEASURED);
        assertThat(open.spans()).containsExactly(new ChargingInterval(sp("2026-03-10T16:00"), sp("2026-03-10T18:00")));
    }

    static Session session(Instant start, Instant end, boolean live, Instant chargingSince) {
        return new Session(
                br.com.vetric.shared.CondominiumId.of(1),
                1,
                10L,
                "u",
                "G",
                1,
                "T",
                null,
                1L,
                null,
                end == null
                        ? br.com.vetric.sessions.SessionStatus.CHARGING
                        : br.com.vetric.sessions.SessionStatus.FINISHED,
                start,
                end,
                10_000,
                null,
                null,
                0,
                true,
                false,
                null,
                null,
                null,
                chargingSince,
                live,
                false);
    }
}
