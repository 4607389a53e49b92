package br.com.vetric.insights.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unusual patterns, each with the figures that make it unusual (pure; robust statistics, not fixed numbers where a
 * "usual" exists):
 *
 * <ul>
 *   <li>an apartment's month to date far above its usual: above the median of the same days of its previous months
 *       by more than {@value #MAD_FACTOR} scaled MADs, by more than {@value #MAD_FACTOR} standard deviations of a
 *       count of sessions of a typical size ({@value #SESSION_WH} Wh), and by at least {@value #MIN_EXCESS_WH} Wh,
 *       with at least {@value #MIN_MONTHS} previous months;
 *   <li>a charger whose sessions end abnormally more than usual: at least {@value #MIN_ABNORMAL} abnormal ends, above
 *       what the condominium's rate would give it by more than 3 Poisson standard deviations;
 *   <li>a session that delivered far less energy than its charging time implies: average power under
 *       {@value #LOW_POWER_SHARE} of the condominium's median, after at least an hour charging;
 *   <li>an unknown tag used {@value #MIN_UNKNOWN_USES} times or more.
 * </ul>
 */
public final class Unusual {

    static final double MAD_FACTOR = 4;
    static final long MIN_EXCESS_WH = 20_000;
    static final double SESSION_WH = 15_000;
    static final int MIN_MONTHS = 3;
    static final int MIN_ABNORMAL = 3;
    static final double LOW_POWER_SHARE = 0.2;
    static final int MIN_UNKNOWN_USES = 3;

    private Unusual() {}

    /**
     * Whether a month to date is far above the same days of previous months; the threshold it passed (null: not
     * unusual, or too little history).
     */
    public static Long consumptionThreshold(long monthToDateWh, List<Long> previousSameDaysWh) {
        return consumptionThreshold(monthToDateWh, previousSameDaysWh, MAD_FACTOR);
    }

    /** As {@link #consumptionThreshold(long, List)} with {@code z} robust standard deviations instead of 4. */
    public static Long consumptionThreshold(long monthToDateWh, List<Long> previousSameDaysWh, double z) {
        if (previousSameDaysWh.size() < MIN_MONTHS) {
            return null;
        }
        double median = median(
                previousSameDaysWh.stream().mapToDouble(Long::doubleValue).toArray());
        double[] deviations = previousSameDaysWh.stream()
                .mapToDouble(v -> Math.abs(v - median))
                .toArray();
        double mad = 1.4826 * median(deviations);
        // a few sessions more or less is ordinary: the excess must also pass 4 sd of a count of sessions of a typical
        // size (compound Poisson: variance ≈ usual × session size)
        double counting = z * Math.sqrt(Math.max(median, SESSION_WH) * SESSION_WH);
        double threshold = median + Math.max(z * mad, Math.max(counting, MIN_EXCESS_WH));
        return monthToDateWh > threshold ? Math.round(threshold) : null;
    }

    /** Whether a charger's abnormal ends are above what the condominium's rate gives it; the expected count. */
    public static Double abnormalExpected(
            int abnormal, int sessions, int condominiumAbnormal, int condominiumSessions) {
        return abnormalExpected(abnormal, sessions, condominiumAbnormal, condominiumSessions, 3);
    }

    /** As {@link #abnormalExpected(int, int, int, int)} with {@code sigmas} Poisson standard deviations instead of 3. */
    public static Double abnormalExpected(
            int abnormal, int sessions, int condominiumAbnormal, int condominiumSessions, double sigmas) {
        if (abnormal < MIN_ABNORMAL || sessions == 0) {
            return null;
        }
        // the rate of the other chargers (with one pseudo-abnormal end per 50 sessions, so a clean record is not 0)
        int otherAbnormal = condominiumAbnormal - abnormal;
        int otherSessions = condominiumSessions - sessions;
        double rate = (otherAbnormal + 1.0) / (otherSessions + 50.0);
        double expected = sessions * rate;
        return abnormal > expected + sigmas * Math.sqrt(Math.max(expected, 1)) ? expected : null;
    }

    /** The median average power (W) of charging sessions, each charged at least an hour. */
    public static double medianPowerW(List<double[]> whAndChargingSeconds) {
        double[] powers = whAndChargingSeconds.stream()
                .filter(v -> v[1] >= 3600)
                .mapToDouble(v -> v[0] * 3600 / v[1])
                .toArray();
        return powers.length == 0 ? 0 : median(powers);
    }

    /** Whether a session's average power is far below the condominium's median. */
    public static boolean lowEnergy(long wh, long chargingSeconds, double medianPowerW) {
        return lowEnergy(wh, chargingSeconds, medianPowerW, LOW_POWER_SHARE);
    }

    /** As {@link #lowEnergy(long, long, double)} with {@code share} of the median instead of 20 %. */
    public static boolean lowEnergy(long wh, long chargingSeconds, double medianPowerW, double share) {
        return chargingSeconds >= 3600 && medianPowerW > 0 && wh * 3600.0 / chargingSeconds < share * medianPowerW;
    }

    /**
     * The thresholds a condominium's managers may tune: robust standard deviations (scaled MADs) above an apartment's
     * usual, Poisson standard deviations above the condominium's rate of abnormal ends, the share of the median power
     * below which a session is "low energy", and the uses of an unknown tag.
     */
    public record Thresholds(double consumptionZ, double abnormalSigmas, double lowEnergyShare, int unknownTagUses) {

        public static final Thresholds DEFAULT = new Thresholds(MAD_FACTOR, 3, LOW_POWER_SHARE, MIN_UNKNOWN_USES);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? 0 : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * One unusual pattern, for people: its kind, what it is about (a stable {@code key}: the apartment, the charger's
     * uuid, the session's id or the tag; and its {@code subject} as people name it) and the figures (already
     * formatted) that say why.
     */
    public record Finding(Kind kind, String key, String subject, List<String> figures) {

        public Finding {
            figures = List.copyOf(figures);
        }

        /** The subject then the figures: the arguments of its message ({@code insights.unusual.<KIND>}). */
        public Object[] args() {
            List<Object> args = new ArrayList<>();
            args.add(subject);
            args.addAll(figures);
            return args.toArray();
        }
    }

    public enum Kind {
        CONSUMPTION_ABOVE_USUAL,
        ABNORMAL_ENDS_ABOVE_USUAL,
        LOW_ENERGY_SESSION,
        UNKNOWN_TAG_REPEATED
    }
}
