package br.com.vetric.dashboard.internal;

import br.com.vetric.condominium.Condominium;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The operator's portfolio: one row per condominium, and what needs attention across the active ones (faulted and
 * offline chargers, condominiums whose last poll failed, open alerts).
 */
public record Portfolio(List<Row> rows, Attention attention) {

    /**
     * One condominium. Chargers by the board's states ({@link Board.State}): online is every charger that is not
     * offline. {@code energyWhThisMonth}: the energy of the sessions that started this month in its time zone.
     * {@code lastPollFailed}: its latest poll failed. {@code connection}: the name of its CVE-PRO connection (null
     * until connections exist).
     */
    public record Row(
            Condominium condominium,
            long chargers,
            long online,
            long charging,
            long faulted,
            long offline,
            long sessionsToday,
            long energyWhThisMonth,
            long openAlerts,
            Instant lastSuccessfulPoll,
            boolean lastPollFailed,
            String connection) {

        /** What needs attention here (0 for a deactivated condominium: it is not polled on purpose). */
        public long attention() {
            return condominium.active() ? faulted + offline + openAlerts + (lastPollFailed ? 1 : 0) : 0;
        }
    }

    /** Across the active condominiums. */
    public record Attention(long faulted, long offline, long failingPolls, long openAlerts) {

        public long total() {
            return faulted + offline + failingPolls + openAlerts;
        }

        static Attention of(List<Row> rows) {
            List<Row> active =
                    rows.stream().filter(r -> r.condominium().active()).toList();
            return new Attention(
                    active.stream().mapToLong(Row::faulted).sum(),
                    active.stream().mapToLong(Row::offline).sum(),
                    active.stream().filter(Row::lastPollFailed).count(),
                    active.stream().mapToLong(Row::openAlerts).sum());
        }
    }

    /** The columns the table sorts by. */
    public enum Sort {
        NAME(Comparator.comparing(r -> r.condominium().name().toLowerCase(Locale.ROOT))),
        CHARGERS(Comparator.comparingLong(Row::chargers)),
        ONLINE(Comparator.comparingLong(Row::online)),
        CHARGING(Comparator.comparingLong(Row::charging)),
        FAULTED(Comparator.comparingLong(Row::faulted)),
        OFFLINE(Comparator.comparingLong(Row::offline)),
        SESSIONS(Comparator.comparingLong(Row::sessionsToday)),
        ENERGY(Comparator.comparingLong(Row::energyWhThisMonth)),
        ALERTS(Comparator.comparingLong(Row::openAlerts)),
        POLL(Comparator.comparing(Row::lastSuccessfulPoll, Comparator.nullsFirst(Comparator.naturalOrder()))),
        ATTENTION(Comparator.comparingLong(Row::attention));

        private final Comparator<Row> order;

        Sort(Comparator<Row> order) {
            this.order = order;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The rows in this order (ties by name); {@code descending} reverses the column, not the tie. */
        public List<Row> sorted(List<Row> rows, boolean descending) {
            Comparator<Row> c = descending ? order.reversed() : order;
            return rows.stream().sorted(c.thenComparing(NAME.order)).toList();
        }
    }
}
