package br.com.vetric.dashboard.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.dashboard.internal.Board.State;
import br.com.vetric.dashboard.internal.Portfolio.Row;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio in four statements whatever the number of condominiums: chargers by state, sessions today and energy
 * this month (each condominium's day and month in its own time zone), open alerts, and the last polls. It reads the
 * chargers', sessions', sync's and notifications' tables directly, read-only and grouped by condominium, because
 * their modules' facades answer one condominium at a time (one query per condominium per figure is what this avoids);
 * the charger states are the board's ({@link State#of}).
 */
@Service
public class PortfolioService {

    private final Condominiums condominiums;
    private final JdbcClient jdbc;
    private final Clock clock;

    PortfolioService(Condominiums condominiums, JdbcClient jdbc, Clock clock) {
        this.condominiums = condominiums;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Portfolio portfolio() {
        List<Condominium> all = condominiums.all();
        Instant now = clock.instant();
        Map<Long, long[]> states = new HashMap<>(); // online, charging, faulted, offline, total
        jdbc.sql("""
                        select condominium_id, status, error_code is not null as error, online, count(*) as n
                          from charger group by 1, 2, 3, 4
                        """).query(rs -> {
            ConnectorStatus status = ConnectorStatus.fromOcpp(rs.getString("status"));
            boolean online = rs.getBoolean("online");
            State s = State.of(status, online, status == ConnectorStatus.FAULTED || rs.getBoolean("error"));
            long n = rs.getLong("n");
            long[] c = states.computeIfAbsent(rs.getLong("condominium_id"), k -> new long[5]);
            c[0] += s == State.OFFLINE ? 0 : n;
            c[1] += s == State.CHARGING ? n : 0;
            c[2] += s == State.FAULTED ? n : 0;
            c[3] += s == State.OFFLINE ? n : 0;
            c[4] += n;
        });
        Map<Long, long[]> sessions = sessions(all, now);
        Map<Long, Long> alerts = new HashMap<>();
        jdbc.sql("select condominium_id, count(*) from notification_incident where cleared_at is null group by 1")
                .query(rs -> {
                    alerts.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, Instant> lastSuccess = new HashMap<>();
        Map<Long, Boolean> lastFailed = new HashMap<>();
        jdbc.sql("""
                        select c.id,
                               (select y.outcome from sync_cycle y where y.condominium_id = c.id
                                 order by y.started_at desc limit 1) as last_outcome,
                               (select y.finished_at from sync_cycle y where y.condominium_id = c.id and y.outcome = 'SUCCESS'
                                 order by y.started_at desc limit 1) as last_success
                          from condominium c
                        """).query(rs -> {
            long id = rs.getLong("id");
            lastFailed.put(id, "FAILED".equals(rs.getString("last_outcome")));
            Instant ok = Sql.instant(rs, "last_success");
            if (ok != null) {
                lastSuccess.put(id, ok);
            }
        });
        List<Row> rows = all.stream()
                .map(c -> {
                    long id = c.id().value();
                    long[] st = states.getOrDefault(id, new long[5]);
                    long[] se = sessions.getOrDefault(id, new long[2]);
                    return new Row(
                            c,
                            st[4],
                            st[0],
                            st[1],
                            st[2],
                            st[3],
                            se[0],
                            se[1],
                            alerts.getOrDefault(id, 0L),
                            lastSuccess.get(id),
                            lastFailed.getOrDefault(id, false),
                            null); // the CVE-PRO connection's name, once connections exist
                })
                .toList();
        return new Portfolio(rows, Portfolio.Attention.of(rows));
    }

    /** Sessions started today and the energy of those started this month, each in its condominium's time zone. */
    private Map<Long, long[]> sessions(List<Condominium> all, Instant now) {
        Map<Long, long[]> result = new HashMap<>();
        if (all.isEmpty()) {
            return result;
        }
        Long[] ids = new Long[all.size()];
        String[] days = new String[all.size()];
        String[] months = new String[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Condominium c = all.get(i);
            ZoneId zone = c.zone();
            ids[i] = c.id().value();
            days[i] = LocalDate.ofInstant(now, zone)
                    .atStartOfDay(zone)
                    .toInstant()
                    .toString();
            months[i] = YearMonth.from(now.atZone(zone))
                    .atDay(1)
                    .atStartOfDay(zone)
                    .toInstant()
                    .toString();
        }
        jdbc.sql("""
                        select s.condominium_id,
                               count(*) filter (where s.started_at >= b.day_start) as today,
                               coalesce(sum(s.energy_wh), 0) as month_wh
                          from unnest(:ids, cast(:days as timestamptz[]), cast(:months as timestamptz[]))
                               as b(condominium_id, day_start, month_start)
                          join charging_session s
                            on s.condominium_id = b.condominium_id and s.started_at >= b.month_start
                         group by s.condominium_id
                        """)
                .param("ids", ids)
                .param("days", days)
                .param("months", months)
                .query(rs -> {
                    result.put(rs.getLong(1), new long[] {rs.getLong("today"), rs.getLong("month_wh")});
                });
        return result;
    }
}
