package br.com.vetric.sessions.internal;

import br.com.vetric.sessions.EnergyBasis;
import br.com.vetric.sessions.EnergyShare;
import br.com.vetric.shared.BrazilianHolidays;
import br.com.vetric.shared.PeakWindow;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one rule that places a session's energy in time. The energy (whole Wh) is divided in proportion to time
 * over the session's spans (its charging intervals when it was measured, else its whole duration), first among
 * (month, peak/off-peak) buckets, then each bucket's Wh among its days, with largest-remainder rounding at both
 * steps: the parts always add up exactly to the session's energy, and ties go to the earlier part. The cut points
 * are local midnights and the peak window's start and end on working days, in the condominium's zone.
 */
public final class EnergyAllocator {

    private EnergyAllocator() {}

    /** The spans a session's energy is spread over, and on what basis. */
    public record Spans(EnergyBasis basis, List<ChargingInterval> spans) {}

    /**
     * The spans of a session: its charging intervals (and the current one, up to {@code now}) when VETRIC watched it
     * live and saw it charge; otherwise its whole duration (an open session up to {@code now}).
     */
    public static Spans spans(Session s, List<ChargingInterval> closedIntervals, Instant now) {
        Instant end = s.endedAt() != null ? s.endedAt() : (now.isAfter(s.startedAt()) ? now : s.startedAt());
        if (s.observedLive()) {
            List<ChargingInterval> charging = new ArrayList<>(closedIntervals);
            if (s.chargingSince() != null && s.open()) {
                charging.add(new ChargingInterval(
                        s.chargingSince(), end.isBefore(s.chargingSince()) ? s.chargingSince() : end));
            }
            long ms = charging.stream()
                    .mapToLong(i -> Duration.between(i.start(), i.end()).toMillis())
                    .sum();
            if (ms > 0) {
                charging.sort(Comparator.comparing(ChargingInterval::start));
                return new Spans(EnergyBasis.MEASURED, charging);
            }
        }
        return new Spans(EnergyBasis.SPREAD, List.of(new ChargingInterval(s.startedAt(), end)));
    }

    /**
     * @return the shares, chronological, one per (day, period) that has time in the spans (with 0 Wh when the
     *         session has none); they sum exactly to {@code wh}
     */
    public static List<EnergyShare> allocate(long wh, List<ChargingInterval> spans, PeakWindow peak, ZoneId zone) {
        if (wh < 0) {
            throw new IllegalArgumentException("energy must not be negative: " + wh);
        }
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("a session has at least one span");
        }
        Map<Piece, Long> dayWeights = new LinkedHashMap<>();
        for (ChargingInterval span : spans) {
            List<Instant> cuts = cuts(span.start(), span.end(), peak, zone);
            for (int i = 0; i + 1 < cuts.size(); i++) {
                long ms = Duration.between(cuts.get(i), cuts.get(i + 1)).toMillis();
                if (ms > 0) {
                    dayWeights.merge(pieceAt(cuts.get(i), peak, zone), ms, Long::sum);
                }
            }
        }
        if (dayWeights.isEmpty()) { // an instant-long (or sub-millisecond) session counts where it started
            dayWeights.put(pieceAt(spans.getFirst().start(), peak, zone), 1L);
        }
        Map<Bucket, Long> bucketWeights = new LinkedHashMap<>();
        dayWeights.forEach((p, w) -> bucketWeights.merge(p.bucket(), w, Long::sum));
        Map<Bucket, Long> bucketWh = largestRemainder(wh, bucketWeights);
        List<EnergyShare> shares = new ArrayList<>();
        bucketWh.forEach((bucket, total) -> {
            Map<Piece, Long> days = new LinkedHashMap<>();
            dayWeights.forEach((p, w) -> {
                if (p.bucket().equals(bucket)) {
                    days.put(p, w);
                }
            });
            largestRemainder(total, days).forEach((p, w) -> shares.add(new EnergyShare(p.day(), p.peak(), w)));
        });
        shares.sort(Comparator.comparing(EnergyShare::day).thenComparing(EnergyShare::peak));
        return shares;
    }

    /** Distributes {@code total} in proportion to the weights; parts sum exactly to {@code total}. */
    static <K> Map<K, Long> largestRemainder(long total, Map<K, Long> weights) {
        long weightSum = weights.values().stream().mapToLong(Long::longValue).sum();
        Map<K, Long> result = new LinkedHashMap<>();
        List<Map.Entry<K, BigInteger>> remainders = new ArrayList<>();
        long assigned = 0;
        BigInteger t = BigInteger.valueOf(total);
        BigInteger w = BigInteger.valueOf(weightSum);
        for (Map.Entry<K, Long> e : weights.entrySet()) {
            BigInteger[] qr = t.multiply(BigInteger.valueOf(e.getValue())).divideAndRemainder(w);
            long part = qr[0].longValueExact();
            result.put(e.getKey(), part);
            assigned += part;
            remainders.add(Map.entry(e.getKey(), qr[1]));
        }
        long left = total - assigned;
        // stable sort: equal remainders keep chronological order
        remainders.sort(Comparator.comparing((Map.Entry<K, BigInteger> e) -> e.getValue())
                .reversed());
        for (int i = 0; i < left; i++) {
            result.merge(remainders.get(i).getKey(), 1L, Long::sum);
        }
        return result;
    }

    private static List<Instant> cuts(Instant start, Instant end, PeakWindow peak, ZoneId zone) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(start);
        cuts.add(end);
        LocalDate first = start.atZone(zone).toLocalDate();
        LocalDate last = end.atZone(zone).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            addIfInside(cuts, d.atStartOfDay(zone).toInstant(), start, end); // month boundaries are midnights too
            if (peak.exists() && BrazilianHolidays.isWorkingDay(d)) {
                addIfInside(cuts, d.atTime(peak.start()).atZone(zone).toInstant(), start, end);
                addIfInside(cuts, d.atTime(peak.end()).atZone(zone).toInstant(), start, end);
            }
        }
        return new ArrayList<>(cuts);
    }

    private static void addIfInside(TreeSet<Instant> cuts, Instant cut, Instant start, Instant end) {
        if (cut.isAfter(start) && cut.isBefore(end)) {
            cuts.add(cut);
        }
    }

    private static Piece pieceAt(Instant instant, PeakWindow peak, ZoneId zone) {
        var local = instant.atZone(zone).toLocalDateTime();
        return new Piece(local.toLocalDate(), peak.isPeak(local));
    }

    private record Bucket(YearMonth month, boolean peak) {}

    private record Piece(LocalDate day, boolean peak) {
        Bucket bucket() {
            return new Bucket(YearMonth.from(day), peak);
        }
    }
}
