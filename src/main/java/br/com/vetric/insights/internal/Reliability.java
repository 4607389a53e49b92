package br.com.vetric.insights.internal;

import br.com.vetric.chargers.StatusChange;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One charger's reliability over a period: faults (entries into a fault: status Faulted or an error code), time
 * offline, sessions ended abnormally ({@code EndReason.abnormal()}), the mean time between faults (the period's
 * hours over the faults; null without faults), and the trend (second half of the period against the first).
 */
public record Reliability(
        String chargerUuid,
        String name,
        int faults,
        long offlineSeconds,
        int sessions,
        int abnormalEnds,
        @Nullable Double mtbfHours,
        Trend trend) {

    public enum Trend {
        BETTER,
        STEADY,
        WORSE
    }

    /** How bad it was: faults and abnormal ends weigh one each, every 6 h offline one more. */
    public double badness() {
        return faults + abnormalEnds + offlineSeconds / 21_600.0;
    }

    /**
     * From a charger's status history over [from, to) ({@code before}: its last change before {@code from}) and its
     * sessions' ends in the period ({@code abnormalAt}: when each abnormal one ended).
     */
    public static Reliability of(
            String uuid,
            String name,
            @Nullable StatusChange before,
            List<StatusChange> history,
            int sessions,
            List<Instant> abnormalAt,
            Instant from,
            Instant to) {
        boolean faulted = before != null && faulted(before);
        boolean online = before == null || before.online();
        Instant since = from;
        long offline = 0;
        int faults = 0;
        Instant middle = from.plus(Duration.between(from, to).dividedBy(2));
        int firstHalf = 0;
        int secondHalf = 0;
        for (StatusChange c : history) {
            Instant at = c.statusAt().isBefore(from) ? from : c.statusAt();
            if (!online) {
                offline += Duration.between(since, at).toSeconds();
            }
            boolean nowFaulted = faulted(c);
            if (nowFaulted && !faulted) {
                faults++;
                if (at.isBefore(middle)) firstHalf++;
                else secondHalf++;
            }
            faulted = nowFaulted;
            online = c.online();
            since = at;
        }
        if (!online && since.isBefore(to)) {
            offline += Duration.between(since, to).toSeconds();
        }
        for (Instant at : abnormalAt) {
            if (at.isBefore(middle)) firstHalf++;
            else secondHalf++;
        }
        Trend trend = secondHalf > firstHalf ? Trend.WORSE : secondHalf < firstHalf ? Trend.BETTER : Trend.STEADY;
        double hours = Duration.between(from, to).toSeconds() / 3600.0;
        return new Reliability(
                uuid, name, faults, offline, sessions, abnormalAt.size(), faults == 0 ? null : hours / faults, trend);
    }

    private static boolean faulted(StatusChange c) {
        return c.status() == ConnectorStatus.FAULTED || c.errorCode() != null;
    }
}
