package br.com.vetric.notifications.internal;

import br.com.vetric.chargers.ChargerEvents.ChargerBackOnline;
import br.com.vetric.chargers.ChargerEvents.ChargerFaultCleared;
import br.com.vetric.chargers.ChargerEvents.ChargerFaulted;
import br.com.vetric.chargers.ChargerEvents.ChargerWentOffline;
import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.internal.DueCheckRepository.DueCheck;
import br.com.vetric.notifications.internal.IncidentRepository.Incident;
import br.com.vetric.notifications.internal.IncidentRepository.Type;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionIdentified;
import br.com.vetric.sessions.SessionEvents.SessionStarted;
import br.com.vetric.sessions.SessionEvents.SessionStateChanged;
import br.com.vetric.sessions.SessionEvents.SessionStuck;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The rules. Session and charger events schedule due checks; a due check, when its time comes, re-reads the
 * session (or charger, or incident) and only then enqueues. End-of-session messages are decided at
 * {@link SessionFinished}. Every step is idempotent (unique due checks, open-incident keys and outbox keys), so a
 * duplicate or replayed event changes nothing.
 */
@Component
public class NotificationRules {

    private static final Logger log = LoggerFactory.getLogger(NotificationRules.class);

    private final DueCheckRepository dueChecks;
    private final IncidentRepository incidents;
    private final OutboxRepository outbox;
    private final Enqueuer enqueuer;
    private final TemplateService templates;
    private final Sessions sessions;
    private final Chargers chargers;
    private final Residents residents;
    private final Clock clock;

    NotificationRules(
            DueCheckRepository dueChecks,
            IncidentRepository incidents,
            OutboxRepository outbox,
            Enqueuer enqueuer,
            TemplateService templates,
            Sessions sessions,
            Chargers chargers,
            Residents residents,
            Clock clock) {
        this.dueChecks = dueChecks;
        this.incidents = incidents;
        this.outbox = outbox;
        this.enqueuer = enqueuer;
        this.templates = templates;
        this.sessions = sessions;
        this.chargers = chargers;
        this.residents = residents;
        this.clock = clock;
    }

    static String sessionSubject(long sessionId) {
        return "session:" + sessionId;
    }

    static String idleSubject(long sessionId, Instant idleSince) {
        return "session:" + sessionId + ":idle:" + idleSince.getEpochSecond();
    }

    // ------------------------------------------------------------------ session events

    @ApplicationModuleListener
    void on(SessionStarted e) {
        CondominiumId condo = e.condominiumId();
        if (e.status() == SessionStatus.CHARGING) {
            schedule(condo, NotificationKind.CHARGING_STARTED, sessionSubject(e.sessionId()), e.startedAt(), false);
        }
        if (e.residentId() == null) {
            schedule(condo, NotificationKind.UNIDENTIFIED_TAG, sessionSubject(e.sessionId()), e.startedAt(), false);
        }
    }

    @ApplicationModuleListener
    void on(SessionStateChanged e) {
        CondominiumId condo = e.condominiumId();
        String subject = sessionSubject(e.sessionId());
        if (e.current() == SessionStatus.CHARGING) {
            schedule(condo, NotificationKind.CHARGING_STARTED, subject, e.at(), false);
        }
        if (e.current() == SessionStatus.SUSPENDED && e.previous() == SessionStatus.CHARGING && e.idleSince() != null) {
            schedule(
                    condo,
                    NotificationKind.IDLE_STARTED,
                    idleSubject(e.sessionId(), e.idleSince()),
                    e.idleSince(),
                    false);
            schedule(condo, NotificationKind.BATTERY_FULL, subject, e.idleSince(), true);
        }
        // charging resumed: the pending BATTERY_FULL check re-reads the session when due and finds it charging
    }

    @ApplicationModuleListener
    void on(SessionIdentified e) {
        CondominiumId condo = e.condominiumId();
        if (e.idTag() != null) {
            incidents
                    .clear(
                            condo,
                            Type.UNIDENTIFIED_TAG,
                            Tags.normalize(e.idTag()).orElse(e.idTag()),
                            clock.instant())
                    .ifPresent(i -> {
                        ResidentRef r =
                                residents.refs(condo, Set.of(e.residentId())).get(e.residentId());
                        Map<String, String> values = new HashMap<>();
                        values.put("tag", Tags.normalize(e.idTag()).orElse(e.idTag()));
                        values.put("data", Placeholders.date(clock.instant()));
                        if (r != null) {
                            values.put("nome", r.name());
                            values.put("apartamento", r.unit());
                        }
                        recover(
                                condo,
                                i,
                                NotificationKind.UNIDENTIFIED_TAG,
                                NotificationKind.UNIDENTIFIED_TAG_RESOLVED,
                                values,
                                e.residentId(),
                                r == null ? null : r.name());
                    });
        }
        if (!e.open()) {
            return; // a session identified after it ended: nothing to tell the resident now
        }
        ChargingSession s = session(condo, e.sessionId()).orElse(null);
        if (s == null || !s.open() || !charged(s)) {
            return;
        }
        String subject = sessionSubject(s.id());
        Optional<DueCheck> check = dueChecks.find(condo, NotificationKind.CHARGING_STARTED, subject);
        if (check.isPresent() && "PENDING".equals(check.get().status())) {
            return; // its time has not come yet; it will find the session identified
        }
        // the check already ran while the session was unidentified (or never existed): tell the resident now
        dueChecks.scheduleOrRearm(condo, NotificationKind.CHARGING_STARTED, subject, clock.instant(), clock.instant());
        runIfDue(condo, NotificationKind.CHARGING_STARTED, subject);
    }

    @ApplicationModuleListener
    void on(SessionFinished e) {
        CondominiumId condo = e.condominiumId();
        incidents
                .clear(condo, Type.STUCK, Long.toString(e.sessionId()), clock.instant())
                .ifPresent(i -> {
                    Map<String, String> values = Map.of("data", Placeholders.date(e.endedAt()));
                    recover(
                            condo,
                            i,
                            NotificationKind.SESSION_STUCK,
                            NotificationKind.SESSION_STUCK_CLEARED,
                            values,
                            e.residentId(),
                            null);
                });
        if (e.backfilled() || e.residentId() == null) {
            return;
        }
        NotificationKind outcome = outcome(condo, e);
        if (outcome == null) {
            log.info(
                    "Session {} ended ({}, last status {}, idle {}): no end-of-session message",
                    e.sessionId(),
                    e.endReason(),
                    e.lastStatus(),
                    e.hadIdle());
            return;
        }
        session(condo, e.sessionId())
                .ifPresent(s -> enqueuer.toResident(condo, outcome, sessionSubject(s.id()), s, e.endedAt()));
    }

    /** BATTERY_FULL, CHARGING_INTERRUPTED or nothing, for a session that just ended. */
    NotificationKind outcome(CondominiumId condo, SessionFinished e) {
        boolean abnormal = e.endReason() != null && e.endReason().abnormal();
        if ((abnormal || e.lastStatus() == SessionStatus.ERROR) && e.hadCharged()) {
            return NotificationKind.CHARGING_INTERRUPTED;
        }
        if (e.lastStatus() == SessionStatus.SUSPENDED) {
            // idle long enough before it ended: the battery-full check may simply not have run yet
            Duration delay = templates.delay(condo, NotificationKind.BATTERY_FULL);
            return session(condo, e.sessionId())
                    .filter(s ->
                            s.idleSince() != null && !s.idleSince().plus(delay).isAfter(e.endedAt()))
                    .map(s -> NotificationKind.BATTERY_FULL)
                    .orElse(null);
        }
        if (e.lastStatus() == SessionStatus.CHARGING && !e.hadIdle()) {
            Duration startDelay = templates.delay(condo, NotificationKind.CHARGING_STARTED);
            boolean longEnough = !e.startedAt().plus(startDelay).isAfter(e.endedAt());
            return longEnough ? NotificationKind.CHARGING_INTERRUPTED : null; // a short session is not news
        }
        return null;
    }

    @ApplicationModuleListener
    void on(SessionStuck e) {
        Incident i = incidents.open(
                e.condominiumId(),
                Type.STUCK,
                Long.toString(e.sessionId()),
                e.chargerUuid(),
                e.chargerName(),
                e.sessionId(),
                null,
                e.at());
        schedule(e.condominiumId(), NotificationKind.SESSION_STUCK, i.subject(), e.at(), false);
    }

    // ------------------------------------------------------------------ charger events

    @ApplicationModuleListener
    void on(ChargerFaulted e) {
        String detail = e.errorCode() + (e.errorInfo() == null || e.errorInfo().isBlank() ? "" : " – " + e.errorInfo());
        Incident i = incidents.open(
                e.condominiumId(),
                Type.FAULT,
                e.chargerUuid() + "#" + e.connectorId(),
                e.chargerUuid(),
                e.chargerName(),
                null,
                detail,
                e.at());
        schedule(e.condominiumId(), NotificationKind.CHARGER_FAULTED, i.subject(), e.at(), false);
    }

    @ApplicationModuleListener
    void on(ChargerFaultCleared e) {
        incidents
                .clear(e.condominiumId(), Type.FAULT, e.chargerUuid() + "#" + e.connectorId(), e.at())
                .ifPresent(i -> recover(
                        e.condominiumId(),
                        i,
                        NotificationKind.CHARGER_FAULTED,
                        NotificationKind.CHARGER_FAULT_CLEARED,
                        Map.of("data", Placeholders.date(e.at()), "carregador", name(e.chargerName(), i)),
                        null,
                        null));
    }

    @ApplicationModuleListener
    void on(ChargerWentOffline e) {
        Instant since = e.lastHeartbeatAt() != null ? e.lastHeartbeatAt() : e.at();
        Incident i = incidents.open(
                e.condominiumId(), Type.OFFLINE, e.chargerUuid(), e.chargerUuid(), e.chargerName(), null, null, since);
        schedule(e.condominiumId(), NotificationKind.CHARGER_OFFLINE, i.subject(), i.openedAt(), false);
    }

    @ApplicationModuleListener
    void on(ChargerBackOnline e) {
        incidents
                .clear(e.condominiumId(), Type.OFFLINE, e.chargerUuid(), e.at())
                .ifPresent(i -> recover(
                        e.condominiumId(),
                        i,
                        NotificationKind.CHARGER_OFFLINE,
                        NotificationKind.CHARGER_BACK_ONLINE,
                        Map.of("data", Placeholders.date(e.at()), "carregador", name(e.chargerName(), i)),
                        null,
                        null));
    }

    // ------------------------------------------------------------------ due checks

    /** Schedules a check at {@code from} + the kind's delay, and runs it at once if that time has come. */
    private void schedule(CondominiumId condo, NotificationKind kind, String subject, Instant from, boolean rearm) {
        Instant due = from.plus(templates.delay(condo, kind));
        if (rearm) {
            dueChecks.scheduleOrRearm(condo, kind, subject, due, clock.instant());
        } else {
            dueChecks.scheduleOnce(condo, kind, subject, due, clock.instant());
        }
        runIfDue(condo, kind, subject);
    }

    private void runIfDue(CondominiumId condo, NotificationKind kind, String subject) {
        dueChecks.lockIfDue(condo, kind, subject, clock.instant()).ifPresent(c -> run(condo, c));
    }

    /** Evaluates a locked, due check against the current state; call inside a transaction. */
    public void run(CondominiumId condo, DueCheck check) {
        Instant now = clock.instant();
        Instant later = evaluate(condo, check, now);
        if (later != null && later.isAfter(now)) {
            dueChecks.reschedule(condo, check.id(), later, now);
        } else {
            dueChecks.done(condo, check.id(), now);
        }
    }

    /** Enqueues what the check is about if the state still calls for it; returns a later time to look again, or null. */
    private Instant evaluate(CondominiumId condo, DueCheck check, Instant now) {
        String subject = check.subject();
        switch (check.kind()) {
            case CHARGING_STARTED -> {
                ChargingSession s = session(condo, sessionId(subject)).orElse(null);
                if (s != null && s.open() && s.identified() && charged(s)) {
                    enqueuer.toResident(condo, check.kind(), subject, s, now);
                }
            }
            case IDLE_STARTED -> {
                ChargingSession s = session(condo, sessionId(subject)).orElse(null);
                if (s != null
                        && s.open()
                        && s.identified()
                        && s.status() == SessionStatus.SUSPENDED
                        && s.idleSince() != null
                        && subject.equals(idleSubject(s.id(), s.idleSince()))) {
                    enqueuer.toResident(condo, check.kind(), subject, s, s.idleSince());
                }
            }
            case BATTERY_FULL -> {
                ChargingSession s = session(condo, sessionId(subject)).orElse(null);
                if (s != null
                        && s.open()
                        && s.identified()
                        && s.status() == SessionStatus.SUSPENDED
                        && s.idleSince() != null) {
                    Instant fullAt = s.idleSince().plus(templates.delay(condo, check.kind()));
                    if (fullAt.isAfter(now)) {
                        return fullAt; // idle again, but not for long enough yet
                    }
                    enqueuer.toResident(condo, check.kind(), subject, s, now);
                }
            }
            case UNIDENTIFIED_TAG -> {
                ChargingSession s = session(condo, sessionId(subject)).orElse(null);
                if (s == null || s.identified()) {
                    return null;
                }
                if (s.idTag() == null) {
                    return s.open()
                            ? now.plus(Duration.ofMinutes(1))
                            : null; // the transaction has not told the tag yet
                }
                String tag = Tags.normalize(s.idTag()).orElse(s.idTag());
                if (!residents.findByTag(condo, tag).isEmpty()) {
                    return null; // known by now: the session is being attached
                }
                Incident i = incidents.open(
                        condo,
                        Type.UNIDENTIFIED_TAG,
                        tag,
                        s.chargerUuid(),
                        s.chargerName(),
                        s.id(),
                        null,
                        s.startedAt());
                enqueuer.toManagers(
                        condo,
                        check.kind(),
                        i.subject(),
                        Map.of("tag", tag, "data", Placeholders.date(s.startedAt())),
                        s.chargerName(),
                        s.id(),
                        null,
                        null);
            }
            case CHARGER_FAULTED ->
                incident(condo, subject)
                        .filter(i -> i.clearedAt() == null)
                        .ifPresent(i -> enqueuer.toManagers(
                                condo,
                                check.kind(),
                                subject,
                                Map.of(
                                        "erro",
                                        i.detail() == null ? "" : i.detail(),
                                        "data",
                                        Placeholders.date(i.openedAt())),
                                i.chargerName(),
                                null,
                                null,
                                null));
            case CHARGER_OFFLINE ->
                incident(condo, subject).filter(i -> i.clearedAt() == null).ifPresent(i -> {
                    if (stillOffline(condo, i.chargerUuid())) {
                        enqueuer.toManagers(
                                condo,
                                check.kind(),
                                subject,
                                Map.of("data", Placeholders.date(i.openedAt())),
                                i.chargerName(),
                                null,
                                null,
                                null);
                    }
                });
            case SESSION_STUCK ->
                incident(condo, subject).filter(i -> i.clearedAt() == null).ifPresent(i -> {
                    ChargingSession s = session(condo, i.sessionId()).orElse(null);
                    if (s != null && s.open()) {
                        Map<String, String> values = new HashMap<>();
                        values.put("duracao", Placeholders.duration(Duration.between(s.startedAt(), now)));
                        values.put("data", Placeholders.date(s.startedAt()));
                        values.put("nome", s.residentName());
                        values.put("apartamento", s.apartment());
                        enqueuer.toManagers(
                                condo,
                                check.kind(),
                                subject,
                                values,
                                s.chargerName(),
                                s.id(),
                                s.residentId(),
                                s.residentName());
                    }
                });
            default -> log.warn("Due check {} of kind {} has no rule", check.id(), check.kind());
        }
        return null;
    }

    /** The recovery message of an incident, only when its alert went out (or is on its way). */
    private void recover(
            CondominiumId condo,
            Incident i,
            NotificationKind alert,
            NotificationKind recovery,
            Map<String, String> values,
            Long residentId,
            String residentName) {
        if (outbox.sentOrPending(condo, i.subject(), alert)) {
            enqueuer.toManagers(
                    condo, recovery, i.subject(), values, i.chargerName(), i.sessionId(), residentId, residentName);
        }
    }

    private boolean stillOffline(CondominiumId condo, String uuid) {
        try {
            ChargerView c = chargers.get(condo, uuid);
            return !c.online();
        } catch (NotFoundException e) {
            return false;
        }
    }

    private Optional<Incident> incident(CondominiumId condo, String subject) {
        return incidents.find(condo, Long.parseLong(subject.substring("incident:".length())));
    }

    private Optional<ChargingSession> session(CondominiumId condo, Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(sessions.get(condo, id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Long sessionId(String subject) {
        String[] parts = subject.split(":");
        return Long.parseLong(parts[1]);
    }

    private static boolean charged(ChargingSession s) {
        return s.status() == SessionStatus.CHARGING || s.status() == SessionStatus.SUSPENDED || s.energyWh() > 0;
    }

    private static String name(String chargerName, Incident i) {
        return chargerName != null ? chargerName : i.chargerName();
    }
}
