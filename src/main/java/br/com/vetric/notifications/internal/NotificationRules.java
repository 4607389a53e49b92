package br.com.vetric.notifications.internal;

import br.com.vetric.chargers.ChargerEvents.ChargerBackOnline;
import br.com.vetric.chargers.ChargerEvents.ChargerEvent;
import br.com.vetric.chargers.ChargerEvents.ChargerFaultCleared;
import br.com.vetric.chargers.ChargerEvents.ChargerFaulted;
import br.com.vetric.chargers.ChargerEvents.ChargerWentOffline;
import br.com.vetric.chargers.ChargerEvents.ChargersChanged;
import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationProperties;
import br.com.vetric.notifications.internal.DueCheckRepository.DueCheck;
import br.com.vetric.notifications.internal.DueCheckRepository.Schedule;
import br.com.vetric.notifications.internal.IncidentRepository.Incident;
import br.com.vetric.notifications.internal.IncidentRepository.Opening;
import br.com.vetric.notifications.internal.IncidentRepository.Type;
import br.com.vetric.notifications.internal.OutboxRepository.NewMessage;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.platform.PtBr;
import br.com.vetric.platform.Words;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEvents.SessionEvent;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionIdentified;
import br.com.vetric.sessions.SessionEvents.SessionStarted;
import br.com.vetric.sessions.SessionEvents.SessionStateChanged;
import br.com.vetric.sessions.SessionEvents.SessionStuck;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The rules. Session and charger events schedule due checks; a due check, when its time comes, re-reads the
 * session (or charger, or incident) and only then enqueues. End-of-session messages are decided at
 * {@link SessionFinished}. Every step is idempotent (unique due checks, open-incident keys and outbox keys), so a
 * duplicate or replayed event changes nothing.
 *
 * <p>The events of a poll arrive as one batch ({@link SessionsChanged}, {@link ChargersChanged}) and are handled
 * together: what the rules read is read once for the batch ({@link RuleContext}), and what they write is written in a
 * few set-based statements, whatever the number of events (see {@link Work}).
 */
@Component
public class NotificationRules {

    private static final Logger log = LoggerFactory.getLogger(NotificationRules.class);

    private final DueCheckRepository dueChecks;
    private final IncidentRepository incidents;
    private final OutboxRepository outbox;
    private final Enqueuer enqueuer;
    private final TemplateService templates;
    private final SettingsService settings;
    private final Condominiums condominiums;
    private final Sessions sessions;
    private final Chargers chargers;
    private final Residents residents;
    private final Clock clock;
    private final Words words;
    private final NotificationProperties props;

    private static final java.util.Locale PT_BR = java.util.Locale.forLanguageTag("pt-BR");

    NotificationRules(
            DueCheckRepository dueChecks,
            IncidentRepository incidents,
            OutboxRepository outbox,
            Enqueuer enqueuer,
            TemplateService templates,
            SettingsService settings,
            Condominiums condominiums,
            Sessions sessions,
            Chargers chargers,
            Residents residents,
            Clock clock,
            Words words,
            NotificationProperties props) {
        this.words = words;
        this.props = props;
        this.dueChecks = dueChecks;
        this.incidents = incidents;
        this.outbox = outbox;
        this.enqueuer = enqueuer;
        this.templates = templates;
        this.settings = settings;
        this.condominiums = condominiums;
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

    RuleContext context(CondominiumId condo) {
        return new RuleContext(condo, clock.instant(), templates, settings, condominiums, sessions, residents);
    }

    // ------------------------------------------------------------------ the batches

    @ApplicationModuleListener
    void on(SessionsChanged batch) {
        Work w = new Work(context(batch.condominiumId()));
        for (SessionEvent e : batch.events()) {
            switch (e) {
                case SessionStarted s -> w.started(s);
                case SessionStateChanged s -> w.stateChanged(s);
                case SessionIdentified s -> w.identified(s);
                case SessionFinished s -> w.finished(s);
                case SessionStuck s -> w.stuck(s);
            }
        }
        w.flush();
    }

    @ApplicationModuleListener
    void on(ChargersChanged batch) {
        Work w = new Work(context(batch.condominiumId()));
        for (ChargerEvent e : batch.events()) {
            switch (e) {
                case ChargerFaulted f -> w.faulted(f);
                case ChargerFaultCleared f -> w.faultCleared(f);
                case ChargerWentOffline o -> w.wentOffline(o);
                case ChargerBackOnline o -> w.backOnline(o);
                default -> {} // status changes, discoveries and Unavailable are not news for anyone
            }
        }
        w.flush();
    }

    /** Runs due checks already locked by the caller (the scheduler's tick), all against one context. */
    public void runLocked(CondominiumId condo, List<DueCheck> checks) {
        Work w = new Work(context(condo));
        w.evaluate(checks);
        w.writeMessages();
    }

    /**
     * One batch's work: the events' intentions are collected first (incidents to open or clear, checks to schedule,
     * messages to send), then written in this order, each step in one statement for the whole batch: incidents,
     * due checks, the checks whose time has already come (evaluated against the current state), messages.
     */
    final class Work {

        private final RuleContext ctx;
        private final List<Opening> openings = new ArrayList<>();
        private final Map<String, PendingSchedule> afterOpening = new LinkedHashMap<>();
        private final List<Clearing> clearings = new ArrayList<>();
        private final List<Schedule> schedules = new ArrayList<>();
        private final List<SessionIdentified> identified = new ArrayList<>();
        private final List<SessionFinished> finished = new ArrayList<>();
        private final List<NewMessage> messages = new ArrayList<>();
        private boolean tagsMoved;

        Work(RuleContext ctx) {
            this.ctx = ctx;
        }

        /** Schedules a check at {@code from} + the kind's delay (run at once if that time has come). */
        void schedule(NotificationKind kind, String subject, Instant from, boolean rearm) {
            schedules.add(new Schedule(kind, subject, from.plus(ctx.delay(kind)), rearm));
        }

        // -------------------------------------------------------------- session events

        void started(SessionStarted e) {
            tagsMoved |= e.idTag() != null;
            if (e.status() == SessionStatus.CHARGING) {
                schedule(NotificationKind.CHARGING_STARTED, sessionSubject(e.sessionId()), e.startedAt(), false);
            }
            if (e.residentId() == null) {
                schedule(NotificationKind.UNIDENTIFIED_TAG, sessionSubject(e.sessionId()), e.startedAt(), false);
            }
        }

        void stateChanged(SessionStateChanged e) {
            String subject = sessionSubject(e.sessionId());
            if (e.current() == SessionStatus.CHARGING) {
                schedule(NotificationKind.CHARGING_STARTED, subject, e.at(), false);
            }
            if (e.current() == SessionStatus.SUSPENDED
                    && e.previous() == SessionStatus.CHARGING
                    && e.idleSince() != null) {
                schedule(
                        NotificationKind.IDLE_STARTED, idleSubject(e.sessionId(), e.idleSince()), e.idleSince(), false);
                schedule(NotificationKind.BATTERY_FULL, subject, e.idleSince(), true);
            }
            // charging resumed: the pending BATTERY_FULL check re-reads the session when due and finds it charging
        }

        void identified(SessionIdentified e) {
            tagsMoved = true;
            if (e.idTag() != null) {
                String tag = Tags.normalize(e.idTag()).orElse(e.idTag());
                clearings.add(new Clearing(Type.UNIDENTIFIED_TAG, tag, ctx.now, e.residentId(), e));
            }
            if (e.open()) {
                identified.add(e);
            }
        }

        void finished(SessionFinished e) {
            tagsMoved = true;
            clearings.add(new Clearing(Type.STUCK, Long.toString(e.sessionId()), ctx.now, e.residentId(), e));
            if (!e.backfilled() && e.residentId() != null) {
                finished.add(e);
            }
        }

        void stuck(SessionStuck e) {
            open(
                    new Opening(
                            Type.STUCK,
                            Long.toString(e.sessionId()),
                            e.chargerUuid(),
                            e.chargerName(),
                            e.sessionId(),
                            null,
                            e.at()),
                    NotificationKind.SESSION_STUCK,
                    e.at());
        }

        // -------------------------------------------------------------- charger events

        void faulted(ChargerFaulted e) {
            String detail = e.errorCode() != null ? e.errorCode() : "OtherError"; // the code; people read words
            open(
                    new Opening(
                            Type.FAULT,
                            e.chargerUuid() + "#" + e.connectorId(),
                            e.chargerUuid(),
                            e.chargerName(),
                            null,
                            detail,
                            e.at()),
                    NotificationKind.CHARGER_FAULTED,
                    e.at());
        }

        void faultCleared(ChargerFaultCleared e) {
            clearings.add(new Clearing(Type.FAULT, e.chargerUuid() + "#" + e.connectorId(), e.at(), null, e));
        }

        void wentOffline(ChargerWentOffline e) {
            Instant since = e.lastHeartbeatAt() != null ? e.lastHeartbeatAt() : e.at();
            open(
                    new Opening(Type.OFFLINE, e.chargerUuid(), e.chargerUuid(), e.chargerName(), null, null, since),
                    NotificationKind.CHARGER_OFFLINE,
                    null);
        }

        void backOnline(ChargerBackOnline e) {
            clearings.add(new Clearing(Type.OFFLINE, e.chargerUuid(), e.at(), null, e));
        }

        /** Opens (or finds) the incident, then schedules its alert from {@code from} (null: from its opening). */
        private void open(Opening o, NotificationKind alert, @Nullable Instant from) {
            openings.add(o);
            afterOpening.putIfAbsent(o.type() + ":" + o.key(), new PendingSchedule(alert, from));
        }

        // -------------------------------------------------------------- writing

        void flush() {
            clearIncidents();
            openIncidents();
            dueChecks.scheduleAll(ctx.condo, schedules, ctx.now);
            rearmChargingStartedForIdentified();
            evaluate(dueChecks.lockDueAmong(ctx.condo, schedules, ctx.now));
            endOfSessionMessages();
            duplicateTags();
            writeMessages();
        }

        /**
         * A card charging on two chargers at once (shared or cloned) is an incident the managers are told about once;
         * it clears when the card charges on one charger only. Looked at only when sessions started or ended.
         */
        private void duplicateTags() {
            if (!tagsMoved) {
                return;
            }
            Map<String, List<ChargingSession>> duplicated = sessions.tagsOnSeveralChargers(ctx.condo);
            incidents.clearAllExcept(ctx.condo, Type.DUPLICATE_TAG, duplicated.keySet(), ctx.now);
            if (duplicated.isEmpty()) {
                return;
            }
            Map<String, Incident> open = incidents.openAll(
                    ctx.condo,
                    duplicated.entrySet().stream()
                            .map(d -> new Opening(
                                    Type.DUPLICATE_TAG,
                                    d.getKey(),
                                    d.getValue().getFirst().chargerUuid(),
                                    d.getValue().getFirst().chargerName(),
                                    d.getValue().getFirst().id(),
                                    null,
                                    ctx.now))
                            .toList());
            duplicated.forEach((tag, list) -> {
                Incident i = open.get(Type.DUPLICATE_TAG + ":" + tag);
                String chargersNamed = list.stream()
                        .map(s -> s.chargerName() != null ? s.chargerName() : s.chargerUuid())
                        .distinct()
                        .sorted()
                        .collect(Collectors.joining(" e "));
                ChargingSession who = list.stream()
                        .filter(ChargingSession::identified)
                        .findFirst()
                        .orElse(list.getFirst());
                Map<String, String> values = new HashMap<>();
                values.put("tag", tag);
                values.put("carregador", chargersNamed);
                values.put("data", Placeholders.date(ctx.now));
                values.put("nome", who.residentName());
                values.put("apartamento", who.apartment());
                messages.addAll(enqueuer.toManagers(
                        ctx,
                        NotificationKind.TAG_IN_TWO_CHARGERS,
                        i.subject(),
                        values,
                        chargersNamed,
                        who.id(),
                        who.residentId(),
                        who.residentName()));
            });
        }

        private void clearIncidents() {
            if (clearings.isEmpty()) {
                return;
            }
            Map<String, Clearing> byKey = new LinkedHashMap<>();
            clearings.forEach(c -> byKey.putIfAbsent(c.type() + ":" + c.key(), c));
            List<Incident> cleared = incidents.clearAll(
                    ctx.condo,
                    byKey.values().stream().map(Clearing::type).toList(),
                    byKey.values().stream().map(Clearing::key).toList(),
                    byKey.values().stream().map(Clearing::at).toList());
            if (cleared.isEmpty()) {
                return;
            }
            Map<Type, Set<String>> alerted = new HashMap<>();
            for (Type type : Type.values()) {
                Set<String> subjects = cleared.stream()
                        .filter(i -> i.type() == type)
                        .map(Incident::subject)
                        .collect(Collectors.toSet());
                alerted.put(type, outbox.sentOrPendingAmong(ctx.condo, subjects, alertOf(type)));
            }
            ctx.loadResidents(byKey.values().stream()
                    .map(Clearing::residentId)
                    .filter(java.util.Objects::nonNull)
                    .toList());
            for (Incident i : cleared) {
                if (!alerted.get(i.type()).contains(i.subject())) {
                    continue; // the alert never went out: no recovery message either
                }
                Clearing c = byKey.get(i.type() + ":" + i.key());
                messages.addAll(recovery(i, c));
            }
        }

        /** The recovery message of a cleared incident whose alert went out (or is on its way). */
        private List<NewMessage> recovery(Incident i, Clearing c) {
            return switch (c.cause()) {
                case SessionIdentified e -> {
                    ResidentRef r = ctx.resident(e.residentId()).orElse(null);
                    Map<String, String> values = new HashMap<>();
                    values.put("tag", i.key());
                    values.put("data", Placeholders.date(ctx.now));
                    if (r != null) {
                        values.put("nome", r.name());
                        values.put("apartamento", r.unit());
                    }
                    yield enqueuer.toManagers(
                            ctx,
                            NotificationKind.UNIDENTIFIED_TAG_RESOLVED,
                            i.subject(),
                            values,
                            i.chargerName(),
                            i.sessionId(),
                            e.residentId(),
                            r == null ? null : r.name());
                }
                case SessionFinished e ->
                    enqueuer.toManagers(
                            ctx,
                            NotificationKind.SESSION_STUCK_CLEARED,
                            i.subject(),
                            Map.of("data", Placeholders.date(e.endedAt())),
                            i.chargerName(),
                            i.sessionId(),
                            e.residentId(),
                            null);
                case ChargerFaultCleared e ->
                    enqueuer.toManagers(
                            ctx,
                            NotificationKind.CHARGER_FAULT_CLEARED,
                            i.subject(),
                            Map.of("data", Placeholders.date(e.at()), "carregador", name(e.chargerName(), i)),
                            i.chargerName(),
                            null,
                            null,
                            null);
                case ChargerBackOnline e ->
                    enqueuer.toManagers(
                            ctx,
                            NotificationKind.CHARGER_BACK_ONLINE,
                            i.subject(),
                            Map.of("data", Placeholders.date(e.at()), "carregador", name(e.chargerName(), i)),
                            i.chargerName(),
                            null,
                            null,
                            null);
                default -> List.of();
            };
        }

        private void openIncidents() {
            if (openings.isEmpty()) {
                return;
            }
            Map<String, Incident> open = incidents.openAll(ctx.condo, openings);
            afterOpening.forEach((key, pending) -> {
                Incident i = open.get(key);
                if (i != null) {
                    schedule(
                            pending.alert(),
                            i.subject(),
                            pending.from() != null ? pending.from() : i.openedAt(),
                            false);
                }
            });
        }

        /**
         * A session identified while it charges: its CHARGING_STARTED check either has not come due yet (it will find
         * the session identified) or already ran while the session was unidentified (or never existed): then the
         * resident is told now.
         */
        private void rearmChargingStartedForIdentified() {
            if (identified.isEmpty()) {
                return;
            }
            ctx.loadSessions(
                    identified.stream().map(SessionIdentified::sessionId).toList());
            Set<String> subjects =
                    identified.stream().map(e -> sessionSubject(e.sessionId())).collect(Collectors.toSet());
            Set<String> pending = dueChecks.findAll(ctx.condo, NotificationKind.CHARGING_STARTED, subjects).stream()
                    .filter(c -> "PENDING".equals(c.status()))
                    .map(DueCheck::subject)
                    .collect(Collectors.toSet());
            List<Schedule> now = new ArrayList<>();
            for (SessionIdentified e : identified) {
                ChargingSession s = ctx.session(e.sessionId()).orElse(null);
                String subject = sessionSubject(e.sessionId());
                if (s != null && s.open() && charged(s) && !pending.contains(subject)) {
                    now.add(new Schedule(NotificationKind.CHARGING_STARTED, subject, ctx.now, true));
                }
            }
            dueChecks.scheduleAll(ctx.condo, now, ctx.now);
            schedules.addAll(now);
        }

        private void endOfSessionMessages() {
            if (finished.isEmpty()) {
                return;
            }
            ctx.loadSessions(finished.stream().map(SessionFinished::sessionId).toList());
            ctx.loadResidents(finished.stream().map(SessionFinished::residentId).toList());
            for (SessionFinished e : finished) {
                NotificationKind outcome = outcome(ctx, e);
                if (outcome == null) {
                    log.info(
                            "Session {} ended ({}, last status {}, idle {}): no end-of-session message",
                            e.sessionId(),
                            e.endReason(),
                            e.lastStatus(),
                            e.hadIdle());
                    continue;
                }
                ctx.session(e.sessionId())
                        .flatMap(s -> enqueuer.toResident(ctx, outcome, sessionSubject(s.id()), s, e.endedAt()))
                        .ifPresent(messages::add);
            }
        }

        void writeMessages() {
            enqueuer.insert(ctx.condo, messages, ctx.now);
            messages.clear();
        }

        // -------------------------------------------------------------- due checks

        /**
         * Evaluates locked, due checks against the current state: enqueues what each is about when the state still
         * calls for it, and marks it done, or moves it to a later time to look again.
         */
        void evaluate(List<DueCheck> checks) {
            if (checks.isEmpty()) {
                return;
            }
            List<Long> incidentIds = new ArrayList<>();
            List<Long> sessionIds = new ArrayList<>();
            for (DueCheck c : checks) {
                if (c.subject().startsWith("incident:")) {
                    incidentIds.add(incidentId(c.subject()));
                } else {
                    sessionIds.add(sessionId(c.subject()));
                }
            }
            Map<Long, Incident> byId = incidents.findAll(ctx.condo, incidentIds);
            byId.values().stream()
                    .map(Incident::sessionId)
                    .filter(java.util.Objects::nonNull)
                    .forEach(sessionIds::add);
            ctx.loadSessions(sessionIds);
            ctx.loadResidents(sessionIds.stream()
                    .map(id -> ctx.session(id).map(ChargingSession::residentId).orElse(null))
                    .filter(java.util.Objects::nonNull)
                    .toList());
            List<Long> done = new ArrayList<>();
            Map<Long, Instant> later = new HashMap<>();
            List<ChargingSession> unknownTags = new ArrayList<>();
            for (DueCheck c : checks) {
                Instant again = evaluate(c, byId, unknownTags);
                if (again != null && again.isAfter(ctx.now)) {
                    later.put(c.id(), again);
                } else {
                    done.add(c.id());
                }
            }
            unidentifiedTagAlerts(unknownTags);
            dueChecks.finish(ctx.condo, done, later, ctx.now);
        }

        /** Returns a later time to look again, or null. */
        private @Nullable Instant evaluate(
                DueCheck check, Map<Long, Incident> byId, List<ChargingSession> unknownTags) {
            String subject = check.subject();
            Instant now = ctx.now;
            switch (check.kind()) {
                case CHARGING_STARTED -> {
                    ChargingSession s = ctx.session(sessionId(subject)).orElse(null);
                    if (s != null && s.open() && s.identified() && charged(s)) {
                        Duration late = Duration.between(check.dueAt(), now);
                        String stale = late.compareTo(props.staleStartAfter()) > 0
                                ? "aviso atrasado: o carregamento começou em " + Placeholders.date(s.startedAt())
                                        + " e o VETRIC só pôde avisar " + PtBr.duration(late.toSeconds())
                                        + " depois (VETRIC parado ou sem comunicação)"
                                : null;
                        enqueuer.toResident(ctx, check.kind(), subject, s, now, stale)
                                .ifPresent(messages::add);
                    }
                }
                case IDLE_STARTED -> {
                    ChargingSession s = ctx.session(sessionId(subject)).orElse(null);
                    if (idleNow(s) && subject.equals(idleSubject(s.id(), s.idleSince()))) {
                        enqueuer.toResident(ctx, check.kind(), subject, s, s.idleSince())
                                .ifPresent(messages::add);
                    }
                }
                case BATTERY_FULL -> {
                    ChargingSession s = ctx.session(sessionId(subject)).orElse(null);
                    if (idleNow(s)) {
                        Instant fullAt = s.idleSince().plus(ctx.delay(check.kind()));
                        if (fullAt.isAfter(now)) {
                            return fullAt; // idle again, but not for long enough yet
                        }
                        enqueuer.toResident(ctx, check.kind(), subject, s, now).ifPresent(messages::add);
                    }
                }
                case UNIDENTIFIED_TAG -> {
                    ChargingSession s = ctx.session(sessionId(subject)).orElse(null);
                    if (s == null || s.identified()) {
                        return null;
                    }
                    if (s.idTag() == null) {
                        // the transaction has not told the tag yet
                        return s.open() ? now.plus(Duration.ofMinutes(1)) : null;
                    }
                    if (!ctx.tagKnown(Tags.normalize(s.idTag()).orElse(s.idTag()))) {
                        unknownTags.add(s); // known by then: the session is being attached
                    }
                }
                case CHARGER_FAULTED -> {
                    Incident i = byId.get(incidentId(subject));
                    if (i != null && i.clearedAt() == null) {
                        messages.addAll(enqueuer.toManagers(
                                ctx,
                                check.kind(),
                                subject,
                                Map.of("erro", faultWords(i.detail()), "data", Placeholders.date(i.openedAt())),
                                i.chargerName(),
                                null,
                                null,
                                null));
                    }
                }
                case CHARGER_OFFLINE -> {
                    Incident i = byId.get(incidentId(subject));
                    if (i != null && i.clearedAt() == null && stillOffline(ctx.condo, i.chargerUuid())) {
                        messages.addAll(enqueuer.toManagers(
                                ctx,
                                check.kind(),
                                subject,
                                Map.of("data", Placeholders.date(i.openedAt())),
                                i.chargerName(),
                                null,
                                null,
                                null));
                    }
                }
                case SESSION_STUCK -> {
                    Incident i = byId.get(incidentId(subject));
                    ChargingSession s = i == null || i.clearedAt() != null
                            ? null
                            : ctx.session(i.sessionId()).orElse(null);
                    if (s != null && s.open()) {
                        Map<String, String> values = new HashMap<>();
                        values.put("duracao", Placeholders.duration(Duration.between(s.startedAt(), now)));
                        values.put("data", Placeholders.date(s.startedAt()));
                        values.put("nome", s.residentName());
                        values.put("apartamento", s.apartment());
                        messages.addAll(enqueuer.toManagers(
                                ctx,
                                check.kind(),
                                subject,
                                values,
                                s.chargerName(),
                                s.id(),
                                s.residentId(),
                                s.residentName()));
                    }
                }
                default -> log.warn("Due check {} of kind {} has no rule", check.id(), check.kind());
            }
            return null;
        }

        /** The managers' alert about tags nobody owns: one incident (and one alert) per tag. */
        private void unidentifiedTagAlerts(List<ChargingSession> unknownTags) {
            if (unknownTags.isEmpty()) {
                return;
            }
            Map<String, Incident> open = incidents.openAll(
                    ctx.condo,
                    unknownTags.stream()
                            .map(s -> new Opening(
                                    Type.UNIDENTIFIED_TAG,
                                    Tags.normalize(s.idTag()).orElse(s.idTag()),
                                    s.chargerUuid(),
                                    s.chargerName(),
                                    s.id(),
                                    null,
                                    s.startedAt()))
                            .toList());
            for (ChargingSession s : unknownTags) {
                String tag = Tags.normalize(s.idTag()).orElse(s.idTag());
                Incident i = open.get(Type.UNIDENTIFIED_TAG + ":" + tag);
                messages.addAll(enqueuer.toManagers(
                        ctx,
                        NotificationKind.UNIDENTIFIED_TAG,
                        i.subject(),
                        Map.of("tag", tag, "data", Placeholders.date(s.startedAt())),
                        s.chargerName(),
                        s.id(),
                        null,
                        null));
            }
        }
    }

    /** BATTERY_FULL, CHARGING_INTERRUPTED or nothing, for a session that just ended. */
    @Nullable
    NotificationKind outcome(RuleContext ctx, SessionFinished e) {
        boolean abnormal = e.endReason() != null && e.endReason().abnormal();
        if ((abnormal || e.lastStatus() == SessionStatus.ERROR) && e.hadCharged()) {
            return NotificationKind.CHARGING_INTERRUPTED;
        }
        if (e.lastStatus() == SessionStatus.SUSPENDED) {
            // idle long enough before it ended: the battery-full check may simply not have run yet
            Duration delay = ctx.delay(NotificationKind.BATTERY_FULL);
            return ctx.session(e.sessionId())
                    .filter(s ->
                            s.idleSince() != null && !s.idleSince().plus(delay).isAfter(e.endedAt()))
                    .map(s -> NotificationKind.BATTERY_FULL)
                    .orElse(null);
        }
        if (e.lastStatus() == SessionStatus.CHARGING && !e.hadIdle()) {
            Duration startDelay = ctx.delay(NotificationKind.CHARGING_STARTED);
            boolean longEnough = !e.startedAt().plus(startDelay).isAfter(e.endedAt());
            return longEnough ? NotificationKind.CHARGING_INTERRUPTED : null; // a short session is not news
        }
        return null;
    }

    /** The alert whose recovery message a cleared incident of this type sends. */
    private static NotificationKind alertOf(Type type) {
        return switch (type) {
            case FAULT -> NotificationKind.CHARGER_FAULTED;
            case OFFLINE -> NotificationKind.CHARGER_OFFLINE;
            case STUCK -> NotificationKind.SESSION_STUCK;
            case UNIDENTIFIED_TAG -> NotificationKind.UNIDENTIFIED_TAG;
            case DUPLICATE_TAG -> NotificationKind.TAG_IN_TWO_CHARGERS;
        };
    }

    private boolean stillOffline(CondominiumId condo, String uuid) {
        try {
            ChargerView c = chargers.get(condo, uuid);
            return !c.online();
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** "falha de aterramento": a charger's error code as people say it (pt-BR), once. */
    String faultWords(@Nullable String code) {
        return words.fault(code == null || code.isBlank() ? "OtherError" : code, PT_BR);
    }

    private static long incidentId(String subject) {
        return Long.parseLong(subject.substring("incident:".length()));
    }

    private static Long sessionId(String subject) {
        String[] parts = subject.split(":");
        return Long.parseLong(parts[1]);
    }

    /** An open session of a known resident whose car is idle right now (its idle phase has a start). */
    private static boolean idleNow(@Nullable ChargingSession s) {
        return s != null
                && s.open()
                && s.identified()
                && s.status() == SessionStatus.SUSPENDED
                && s.idleSince() != null;
    }

    private static boolean charged(ChargingSession s) {
        return s.status() == SessionStatus.CHARGING || s.status() == SessionStatus.SUSPENDED || s.energyWh() > 0;
    }

    private static String name(@Nullable String chargerName, Incident i) {
        return chargerName != null ? chargerName : i.chargerName();
    }

    /** An incident to clear, with what cleared it (for the recovery message). */
    private record Clearing(
            Type type, String key, Instant at, @Nullable Long residentId, Object cause) {}

    /** The alert to schedule once an incident is open. */
    private record PendingSchedule(
            NotificationKind alert, @Nullable Instant from) {}
}
