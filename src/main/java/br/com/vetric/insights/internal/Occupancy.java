package br.com.vetric.insights.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * How the chargers were used, from the recorded sessions (pure): the share of connector time charging, plugged but
 * idle, and free, by weekday × hour in the condominium's zone; and a replay of the recorded demand against k
 * chargers (first come, first served) to see how long people would have waited.
 */
public final class Occupancy {

    private Occupancy() {}

    /**
     * One recorded use of a connector: plugged from {@code start} to {@code end}, the last {@code idleSeconds} of it
     * idle (the car full or paused, still plugged).
     */
    public record Use(Instant start, Instant end, long idleSeconds) {

        long pluggedSeconds() {
            return Math.max(0, Duration.between(start, end).toSeconds());
        }

        Instant idleFrom() {
            long idle = Math.min(idleSeconds, pluggedSeconds());
            return end.minusSeconds(idle);
        }
    }

    /**
     * Shares of connector time, [weekday 0 = Monday][hour], of {@code connectors} connectors over [from, to):
     * charging, idle; free is the rest.
     */
    public record Heatmap(double[][] charging, double[][] idle) {

        public double free(int weekday, int hour) {
            return Math.max(0, 1 - charging[weekday][hour] - idle[weekday][hour]);
        }

        /** The busiest cell's occupied share (charging + idle). */
        public double busiest() {
            double max = 0;
            for (int w = 0; w < 7; w++) {
                for (int h = 0; h < 24; h++) {
                    max = Math.max(max, charging[w][h] + idle[w][h]);
                }
            }
            return max;
        }
    }

    public static Heatmap heatmap(List<Use> uses, int connectors, Instant from, Instant to, ZoneId zone) {
        double[][] charging = new double[7][24];
        double[][] idle = new double[7][24];
        double[][] capacity = new double[7][24];
        ZonedDateTime hour = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        while (hour.toInstant().isBefore(to)) {
            ZonedDateTime next = hour.plusHours(1);
            Instant a = max(hour.toInstant(), from);
            Instant b = min(next.toInstant(), to);
            capacity[weekday(hour)][hour.getHour()] +=
                    (double) connectors * Duration.between(a, b).toSeconds();
            hour = next;
        }
        for (Use u : uses) {
            add(charging, max(u.start(), from), min(u.idleFrom(), to), zone);
            add(idle, max(u.idleFrom(), from), min(u.end(), to), zone);
        }
        for (int w = 0; w < 7; w++) {
            for (int h = 0; h < 24; h++) {
                double cap = capacity[w][h];
                charging[w][h] = cap == 0 ? 0 : Math.min(1, charging[w][h] / cap);
                idle[w][h] = cap == 0 ? 0 : Math.min(1 - charging[w][h], idle[w][h] / cap);
            }
        }
        return new Heatmap(charging, idle);
    }

    private static void add(double[][] cells, Instant a, Instant b, ZoneId zone) {
        ZonedDateTime cursor = a.atZone(zone);
        while (cursor.toInstant().isBefore(b)) {
            ZonedDateTime next = cursor.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            Instant end = min(next.toInstant(), b);
            cells[weekday(cursor)][cursor.getHour()] +=
                    Duration.between(cursor.toInstant(), end).toSeconds();
            cursor = next;
        }
    }

    private static int weekday(ZonedDateTime t) {
        return t.getDayOfWeek().getValue() - 1;
    }

    /** What the replay with k chargers gives: how many waited longer than the limit, the longest and the p95 wait. */
    public record Replay(int chargers, int uses, int waitedLonger, long p95WaitSeconds, long maxWaitSeconds) {

        public double waitedLongerShare() {
            return uses == 0 ? 0 : waitedLonger / (double) uses;
        }
    }

    /**
     * Replays the uses (each arriving at its start, occupying a charger for its plugged time) against {@code k}
     * chargers, first come first served.
     */
    public static Replay replay(List<Use> uses, int k, Duration limit) {
        List<Use> sorted = new ArrayList<>(uses);
        sorted.sort(Comparator.comparing(Use::start));
        PriorityQueue<Instant> freeAt = new PriorityQueue<>();
        long[] waits = new long[sorted.size()];
        int longer = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Use u = sorted.get(i);
            Instant begin = u.start();
            if (freeAt.size() >= k) {
                Instant free = freeAt.poll();
                if (free.isAfter(begin)) {
                    begin = free;
                }
            }
            waits[i] = Duration.between(u.start(), begin).toSeconds();
            if (waits[i] > limit.toSeconds()) {
                longer++;
            }
            freeAt.add(begin.plusSeconds(u.pluggedSeconds()));
        }
        long[] s = waits.clone();
        java.util.Arrays.sort(s);
        long p95 = s.length == 0 ? 0 : s[(int) Math.ceil(0.95 * s.length) - 1];
        long max = s.length == 0 ? 0 : s[s.length - 1];
        return new Replay(k, sorted.size(), longer, p95, max);
    }

    /**
     * The fewest chargers (1 to {@code upTo}) with which at most 5 % of the uses would have waited longer than the
     * limit, with the replays from 1 to {@code upTo}.
     */
    public static Sizing sizing(List<Use> uses, int upTo, Duration limit) {
        List<Replay> replays = new ArrayList<>();
        int enough = 0;
        for (int k = 1; k <= Math.max(1, upTo); k++) {
            Replay r = replay(uses, k, limit);
            replays.add(r);
            if (enough == 0 && r.waitedLongerShare() <= 0.05) {
                enough = k;
            }
        }
        return new Sizing(enough, limit, replays);
    }

    /** {@code enough}: the fewest chargers that kept the wait under the limit for 95 % of uses (0: none up to the max). */
    public record Sizing(int enough, Duration limit, List<Replay> replays) {

        public long limitMinutes() {
            return limit.toMinutes();
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
