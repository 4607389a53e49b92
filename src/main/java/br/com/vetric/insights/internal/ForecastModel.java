package br.com.vetric.insights.internal;

import br.com.vetric.shared.BrazilianHolidays;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The month-end forecast, a small explained model (docs/INSIGHTS.md):
 *
 * <ol>
 *   <li><b>Window.</b> The last {@value #WINDOW_DAYS} days up to {@code asOf} (inclusive), from the day the series
 *       begins (an apartment's first day with energy: a resident who joins mid-month has a short window).
 *   <li><b>Day-of-week profile.</b> Seven day types (Monday to Sunday; a national holiday counts as a Sunday). The
 *       shape of type w is its mean day over the window's mean day. An apartment's shape is shrunk towards the
 *       condominium's ({@code prior}) with the weight of {@value #SHRINK} days of that type: with little history
 *       the apartment follows the condominium's week. The condominium's own shape is used as is once it has
 *       {@value #OWN_SHAPE_FROM} days of a type, and is shrunk towards a flat week before.
 *   <li><b>Level and trend.</b> The days divided by their shape, fitted by a straight line (least squares, with
 *       the day as x). The slope is kept only when the window has at least {@value #TREND_FROM} days and the slope
 *       is at least twice its standard error; otherwise the level is the window's mean.
 *   <li><b>Forecast.</b> The month to date (days up to {@code asOf}) plus, for each remaining day, its shape ×
 *       (level + slope × days ahead), never below 0.
 *   <li><b>80 % interval.</b> Residual bootstrap ({@value #DRAWS} draws, fixed seed): each draw shifts the level by
 *       the mean of a resample of the window's residuals (the level's own uncertainty) and adds a resampled residual
 *       to each remaining day; the interval is the draws' 10th to 90th percentile.
 * </ol>
 *
 * Pure: no database, no clock. Energy in Wh.
 */
public final class ForecastModel {

    static final int WINDOW_DAYS = 56;
    static final double SHRINK = 3;
    static final int OWN_SHAPE_FROM = 3;
    static final int TREND_FROM = 14;
    static final int DRAWS = 400;
    static final long SEED = 20260101L;

    private ForecastModel() {}

    /**
     * The forecast of a month.
     *
     * @param daily Wh per day (days absent: 0), at least the window before {@code asOf} and the month to date
     * @param start the first day the series exists (days before it are not zeros, they are unknown)
     * @param prior the condominium's shape by day type (7 values, mean about 1); null for the condominium itself
     */
    public static Forecast forecast(
            Map<LocalDate, Long> daily, LocalDate start, double @Nullable [] prior, YearMonth month, LocalDate asOf) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        long toDate = 0;
        for (LocalDate d = first; !d.isAfter(last) && !d.isAfter(asOf); d = d.plusDays(1)) {
            toDate += daily.getOrDefault(d, 0L);
        }
        LocalDate from = asOf.minusDays(WINDOW_DAYS - 1);
        if (start.isAfter(from)) {
            from = start;
        }
        LocalDate nextDay = asOf.plusDays(1).isAfter(first) ? asOf.plusDays(1) : first;
        int remaining = nextDay.isAfter(last) ? 0 : (int) ChronoUnit.DAYS.between(nextDay, last) + 1;
        double[] shape = prior == null ? flat() : prior.clone();
        if (from.isAfter(asOf)) { // no history at all
            return new Forecast(toDate, toDate, toDate, toDate, shape, 0, 0);
        }
        int n = (int) ChronoUnit.DAYS.between(from, asOf) + 1;
        double[] y = new double[n];
        int[] type = new int[n];
        double[] sum = new double[7];
        int[] count = new int[7];
        double total = 0;
        for (int i = 0; i < n; i++) {
            LocalDate d = from.plusDays(i);
            y[i] = daily.getOrDefault(d, 0L);
            type[i] = dayType(d);
            sum[type[i]] += y[i];
            count[type[i]]++;
            total += y[i];
        }
        double mean = total / n;
        if (mean <= 0) {
            return new Forecast(toDate, toDate, toDate, toDate, shape, 0, 0);
        }
        for (int w = 0; w < 7; w++) {
            double priorW = prior == null ? 1 : prior[w];
            double k = prior == null ? (count[w] >= OWN_SHAPE_FROM ? 0 : SHRINK) : SHRINK;
            double own = count[w] == 0 ? 0 : sum[w] / count[w];
            shape[w] = count[w] + k == 0 ? priorW : (count[w] * own + k * mean * priorW) / (count[w] + k) / mean;
        }
        // deseasonalised days, x = days before asOf (0 = asOf, negative before)
        double[] x = new double[n];
        double[] z = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (shape[type[i]] > 1e-9) {
                x[m] = i - (n - 1);
                z[m] = y[i] / shape[type[i]];
                m++;
            }
        }
        double level = 0;
        double slope = 0;
        double zMean = 0;
        for (int i = 0; i < m; i++) {
            zMean += z[i] / m;
        }
        level = zMean;
        if (m >= TREND_FROM) {
            double xMean = 0;
            for (int i = 0; i < m; i++) {
                xMean += x[i] / m;
            }
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < m; i++) {
                sxx += (x[i] - xMean) * (x[i] - xMean);
                sxy += (x[i] - xMean) * (z[i] - zMean);
            }
            double b = sxy / sxx;
            double a = zMean - b * xMean;
            double sse = 0;
            for (int i = 0; i < m; i++) {
                double r = z[i] - a - b * x[i];
                sse += r * r;
            }
            double se = Math.sqrt(sse / (m - 2) / sxx);
            boolean significant = se < 1e-9 ? Math.abs(b) > 1e-9 : Math.abs(b) >= 2 * se;
            if (significant) {
                slope = b;
                level = a;
            }
        }
        double[] residuals = new double[m];
        for (int i = 0; i < m; i++) {
            residuals[i] = z[i] - level - slope * x[i];
        }
        double point = toDate;
        double[] dayShape = new double[remaining];
        int[] ahead = new int[remaining];
        for (int h = 0; h < remaining; h++) {
            LocalDate d = nextDay.plusDays(h);
            dayShape[h] = shape[dayType(d)];
            ahead[h] = (int) ChronoUnit.DAYS.between(asOf, d);
            point += Math.max(0, dayShape[h] * (level + slope * ahead[h]));
        }
        double low = point;
        double high = point;
        if (remaining > 0 && m > 1) {
            SplittableRandom random = new SplittableRandom(SEED);
            double[] draws = new double[DRAWS];
            for (int b = 0; b < DRAWS; b++) {
                double shift = 0;
                for (int i = 0; i < m; i++) {
                    shift += residuals[random.nextInt(m)];
                }
                shift /= m;
                double sim = toDate;
                for (int h = 0; h < remaining; h++) {
                    double e = residuals[random.nextInt(m)];
                    sim += Math.max(0, dayShape[h] * (level + slope * ahead[h] + shift + e));
                }
                draws[b] = sim;
            }
            Arrays.sort(draws);
            low = Math.min(point, draws[(int) Math.floor(0.1 * (DRAWS - 1))]);
            high = Math.max(point, draws[(int) Math.ceil(0.9 * (DRAWS - 1))]);
        }
        return new Forecast(toDate, Math.round(point), Math.round(low), Math.round(high), shape, level, slope);
    }

    /** The forecast of one day after {@code asOf}, by the model {@code f} fitted on {@code asOf}. */
    public static long day(Forecast f, LocalDate asOf, LocalDate day) {
        return Math.round(
                Math.max(0, f.shape()[dayType(day)] * (f.level() + f.slope() * ChronoUnit.DAYS.between(asOf, day))));
    }

    /** Monday 0 … Sunday 6; a national holiday is a Sunday. */
    public static int dayType(LocalDate d) {
        return BrazilianHolidays.isHoliday(d) ? 6 : d.getDayOfWeek().getValue() - 1;
    }

    private static double[] flat() {
        double[] s = new double[7];
        Arrays.fill(s, 1);
        return s;
    }

    /**
     * Wh to date, the forecast of the whole month and its 80 % interval ({@code lowWh} ≤ {@code forecastWh} ≤
     * {@code highWh}, never below the month to date); the day-of-week shape, the level (Wh per average day at
     * {@code asOf}) and the daily slope the forecast used.
     */
    public record Forecast(
            long toDateWh, long forecastWh, long lowWh, long highWh, double[] shape, double level, double slope) {}
}
