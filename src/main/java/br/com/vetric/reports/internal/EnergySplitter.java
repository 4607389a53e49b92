package br.com.vetric.reports.internal;

import br.com.vetric.reports.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Splits a session's energy among tariff periods and months in proportion to the time spent in each, in whole Wh,
 * with largest-remainder rounding so the parts always add up exactly to the session's energy. The cut points are
 * local midnights, the peak window's start and end on working days, and month boundaries (all in the
 * condominium's zone). Ties in the remainders go to the earlier part.
 */
public final class EnergySplitter {

    public enum Period { PEAK, OFF_PEAK }

    /** Where a slice of energy belongs: its month and its tariff period. */
    public record Bucket(YearMonth month, Period period) {
    }

    private EnergySplitter() {
    }

    /**
     * @param start the session's start
     * @param end   its end (for an open session, the moment the statement is generated)
     * @param wh    the session's energy
     * @return Wh per bucket, in chronological order of the bucket's first appearance; sums exactly to {@code wh}
     */
    public static Map<Bucket, Long> split(Instant start, Instant end, long wh, Tariff tariff, ZoneId zone) {
        if (wh < 0) {
            throw new IllegalArgumentException("energy must not be negative: " + wh);
        }
        Map<Bucket, Long> weights = new LinkedHashMap<>();
        if (end == null || !end.isAfter(start)) {
            weights.put(bucketAt(start, tariff, zone), 1L);
        } else {
            List<Instant> cuts = cuts(start, end, tariff, zone);
            for (int i = 0; i + 1 < cuts.size(); i++) {
                long ms = Duration.between(cuts.get(i), cuts.get(i + 1)).toMillis();
                if (ms > 0) {
                    weights.merge(bucketAt(cuts.get(i), tariff, zone), ms, Long::sum);
                }
            }
            if (weights.isEmpty()) { // sub-millisecond session
                weights.put(bucketAt(start, tariff, zone), 1L);
            }
        }
        return largestRemainder(wh, weights);
    }

    /** Distributes {@code total} in proportion to the weights; parts sum exactly to {@code total}. */
    static <K> Map<K, Long> largestRemainder(long total, Map<K, Long> weights) {
        long weightSum = weights.values().stream().mapToLong(Long::longValue).sum();
        Map<K, Long> result = new LinkedHashMap<>();
        List<Map.Entry<K, java.math.BigInteger>> remainders = new ArrayList<>();
        long assigned = 0;
        java.math.BigInteger t = java.math.BigInteger.valueOf(total);
        java.math.BigInteger w = java.math.BigInteger.valueOf(weightSum);
        for (Map.Entry<K, Long> e : weights.entrySet()) {
            java.math.BigInteger[] qr = t.multiply(java.math.BigInteger.valueOf(e.getValue())).divideAndRemainder(w);
            long part = qr[0].longValueExact();
            result.put(e.getKey(), part);
            assigned += part;
            remainders.add(Map.entry(e.getKey(), qr[1]));
        }
        long left = total - assigned;
        // stable sort: equal remainders keep chronological order
        remainders.sort(Comparator.comparing((Map.Entry<K, java.math.BigInteger> e) -> e.getValue()).reversed());
        for (int i = 0; i < left; i++) {
            K key = remainders.get(i).getKey();
            result.merge(key, 1L, Long::sum);
        }
        return result;
    }

    private static List<Instant> cuts(Instant start, Instant end, Tariff tariff, ZoneId zone) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(start);
        cuts.add(end);
        LocalDate first = start.atZone(zone).toLocalDate();
        LocalDate last = end.atZone(zone).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            addIfInside(cuts, d.atStartOfDay(zone).toInstant(), start, end); // midnight; month boundaries are midnights
            if (tariff.timeOfUse() && BrazilianHolidays.isWorkingDay(d)) {
                addIfInside(cuts, d.atTime(tariff.peakStart()).atZone(zone).toInstant(), start, end);
                addIfInside(cuts, d.atTime(tariff.peakEnd()).atZone(zone).toInstant(), start, end);
            }
        }
        return new ArrayList<>(cuts);
    }

    private static void addIfInside(TreeSet<Instant> cuts, Instant cut, Instant start, Instant end) {
        if (cut.isAfter(start) && cut.isBefore(end)) {
            cuts.add(cut);
        }
    }

    static Bucket bucketAt(Instant instant, Tariff tariff, ZoneId zone) {
        LocalDateTime local = instant.atZone(zone).toLocalDateTime();
        return new Bucket(YearMonth.from(local), isPeak(local, tariff) ? Period.PEAK : Period.OFF_PEAK);
    }

    static boolean isPeak(LocalDateTime local, Tariff tariff) {
        if (!tariff.timeOfUse() || !BrazilianHolidays.isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return !t.isBefore(tariff.peakStart()) && t.isBefore(tariff.peakEnd());
    }
}
