package br.com.vetric.reports.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.ScheduledJobs;
import br.com.vetric.reports.ReportsProperties;
import br.com.vetric.reports.Statement.OutdatedReason;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionIdentified;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Tells when a statement no longer matches what it used: a tag assigned to its sessions, a session that ended (or was
 * corrected) after it was generated, a tariff changed for its days. Each of these computes the month's latest
 * statement again and flags it outdated when what it shows differs ({@link StatementService#recheck}); the page shows
 * the flag and a log line tells the operator. CVE-PRO may still correct a finished session's energy for up to two
 * days without any event, so the current and previous months are also checked every
 * {@code vetric.reports.outdated-check-interval}.
 */
@Component
class StatementFreshness implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StatementFreshness.class);

    private final StatementService statements;
    private final TariffService tariffs;
    private final Sessions sessions;
    private final Condominiums condominiums;
    private final ReportsProperties props;
    private final Clock clock;
    private final ScheduledJobs jobs;

    StatementFreshness(
            StatementService statements,
            TariffService tariffs,
            Sessions sessions,
            Condominiums condominiums,
            ReportsProperties props,
            Clock clock,
            ScheduledJobs jobs) {
        this.jobs = jobs;
        this.statements = statements;
        this.tariffs = tariffs;
        this.sessions = sessions;
        this.condominiums = condominiums;
        this.props = props;
        this.clock = clock;
    }

    /**
     * A batch of session events: the months its finished sessions and newly identified ones touch are checked once
     * each, and only those that have a statement (one query for the identified sessions' times, one for the months).
     */
    @ApplicationModuleListener
    void on(SessionsChanged event) {
        CondominiumId condo = event.condominiumId();
        List<SessionIdentified> identified = event.of(SessionIdentified.class);
        List<SessionFinished> finished = event.of(SessionFinished.class);
        if (identified.isEmpty() && finished.isEmpty()) {
            return;
        }
        ZoneId zone = statements.zone(condo);
        TreeMap<YearMonth, OutdatedReason> touched = new TreeMap<>();
        for (SessionFinished f : finished) {
            months(f.startedAt(), f.endedAt(), zone).forEach(m -> touched.put(m, OutdatedReason.SESSION_CHANGED));
        }
        if (!identified.isEmpty()) {
            Map<Long, ChargingSession> found = sessions.find(
                    condo, identified.stream().map(SessionIdentified::sessionId).toList());
            for (ChargingSession s : found.values()) {
                months(s.startedAt(), s.endedAt(), zone).forEach(m -> touched.put(m, OutdatedReason.TAG_ASSIGNED));
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        for (YearMonth m : statements.monthsWithStatements(condo, touched.firstKey(), touched.lastKey())) {
            OutdatedReason reason = touched.get(m);
            if (reason != null) {
                recheck(condo, m, reason);
            }
        }
    }

    @ApplicationModuleListener
    void on(TariffChanged event) {
        CondominiumId condo = event.condominiumId();
        YearMonth current = YearMonth.from(clock.instant().atZone(statements.zone(condo)));
        YearMonth last = tariffs.schedule(condo).lastMonthAffectedBy(event.from(), current);
        for (YearMonth m : statements.monthsWithStatements(condo, YearMonth.from(event.from()), last)) {
            recheck(condo, m, OutdatedReason.TARIFF_CHANGED);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.statementSchedule()) {
            registrar.addFixedDelayTask(new IntervalTask(
                    () -> jobs.once(
                            "statement-outdated-check",
                            props.outdatedCheckInterval().multipliedBy(4).dividedBy(5),
                            props.outdatedCheckInterval().multipliedBy(4),
                            this::recentMonths),
                    props.outdatedCheckInterval(),
                    props.outdatedCheckInterval()));
        }
    }

    /** The current and previous months of every active condominium, where late corrections land. */
    void recentMonths() {
        for (Condominium c : condominiums.active()) {
            YearMonth current = YearMonth.from(clock.instant().atZone(statements.zone(c.id())));
            recheck(c.id(), current.minusMonths(1), OutdatedReason.SESSION_CHANGED);
            recheck(c.id(), current, OutdatedReason.SESSION_CHANGED);
        }
    }

    /** The months a session's time touches (an open one: up to now). */
    private List<YearMonth> months(Instant from, Instant to, ZoneId zone) {
        YearMonth first = YearMonth.from(from.atZone(zone));
        YearMonth last = YearMonth.from((to == null ? clock.instant() : to).atZone(zone));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private void recheck(CondominiumId condo, YearMonth month, OutdatedReason reason) {
        try {
            statements.recheck(condo, month, reason);
        } catch (RuntimeException e) {
            log.error("Could not check whether statement {} of condominium {} is outdated", month, condo, e);
        }
    }
}
