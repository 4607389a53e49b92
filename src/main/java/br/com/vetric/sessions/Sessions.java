package br.com.vetric.sessions;

import br.com.vetric.platform.NotFoundException;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.ResidentTagsAssigned;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.SessionEvents.SessionEvent;
import br.com.vetric.sessions.SessionEvents.SessionIdentified;
import br.com.vetric.sessions.SessionEvents.SessionsChanged;
import br.com.vetric.sessions.internal.ChargingInterval;
import br.com.vetric.sessions.internal.EnergyAllocator;
import br.com.vetric.sessions.internal.Session;
import br.com.vetric.sessions.internal.SessionRepository;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.PageResult;
import br.com.vetric.shared.PeakWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads charging sessions, places their energy in time (the one allocation rule, {@link SessionEnergy}), and
 * attaches unidentified ones when their tag becomes known.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final SessionRepository repository;
    private final Residents residents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sessions(SessionRepository repository, Residents residents, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.residents = residents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<ChargingSession> search(CondominiumId condo, SessionFilter filter, int page, int size) {
        List<Long> aptResidents = residentsOfApartment(condo, filter);
        List<Session> rows = repository.search(condo, filter, aptResidents, page, size);
        long total = repository.count(condo, filter, aptResidents);
        return PageResult.of(enrich(condo, rows), page, size, total);
    }

    /**
     * The filtered sessions, newest first, that come after {@code after} (null: from the newest), at most
     * {@code size} of them: keyset paging, so reading a whole record page by page costs the same per page however
     * large it is.
     */
    @Transactional(readOnly = true)
    public List<ChargingSession> pageAfter(
            CondominiumId condo, SessionFilter filter, @Nullable ChargingSession after, int size) {
        List<Long> aptResidents = residentsOfApartment(condo, filter);
        return enrich(
                condo,
                repository.pageAfter(
                        condo,
                        filter,
                        aptResidents,
                        after == null ? null : after.startedAt(),
                        after == null ? null : after.id(),
                        size));
    }

    /**
     * Tags charging on more than one charger at the same time (a shared or cloned card), each with its open sessions.
     * Empty in the usual case; one query.
     */
    @Transactional(readOnly = true)
    public Map<String, List<ChargingSession>> tagsOnSeveralChargers(CondominiumId condo) {
        Map<String, List<ChargingSession>> result = new java.util.TreeMap<>();
        for (ChargingSession s : enrich(condo, repository.openWithTagsOnSeveralChargers(condo))) {
            result.computeIfAbsent(s.idTag(), t -> new ArrayList<>()).add(s);
        }
        return result;
    }

    /** The sessions with these ids (those that exist), by id: one query, for work on many sessions at once. */
    @Transactional(readOnly = true)
    public Map<Long, ChargingSession> find(CondominiumId condo, Collection<Long> ids) {
        Map<Long, ChargingSession> result = new HashMap<>();
        if (!ids.isEmpty()) {
            enrich(condo, repository.findAll(condo, ids)).forEach(s -> result.put(s.id(), s));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public ChargingSession get(CondominiumId condo, long id) {
        Session s = repository.find(condo, id).orElseThrow(() -> new NotFoundException("session " + id + " not found"));
        return enrich(condo, List.of(s)).getFirst();
    }

    /**
     * The energy of the sessions whose time overlaps [from, to), placed in time by the one allocation rule, with
     * the given peak window in the condominium's zone. An open session counts up to now.
     */
    @Transactional(readOnly = true)
    public List<SessionEnergy> energy(CondominiumId condo, Instant from, Instant to, PeakWindow peak, ZoneId zone) {
        List<Session> rows = repository.overlapping(condo, from, to);
        Map<Long, List<ChargingInterval>> intervals = repository.intervals(
                condo,
                rows.stream().filter(Session::observedLive).map(Session::id).toList());
        List<ChargingSession> views = enrich(condo, rows);
        Instant now = clock.instant();
        List<SessionEnergy> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Session s = rows.get(i);
            EnergyAllocator.Spans spans = EnergyAllocator.spans(s, intervals.getOrDefault(s.id(), List.of()), now);
            result.add(new SessionEnergy(
                    views.get(i), spans.basis(), EnergyAllocator.allocate(s.energyWh(), spans.spans(), peak, zone)));
        }
        return result;
    }

    /** The open session of each connector, keyed "uuid#connector". */
    @Transactional(readOnly = true)
    public Map<String, ChargingSession> openByConnector(CondominiumId condo) {
        List<Session> open = repository.loadOpen(condo);
        Map<String, ChargingSession> result = new HashMap<>();
        for (ChargingSession s : enrich(condo, open)) {
            result.put(Session.key(s.chargerUuid(), s.connectorId()), s);
        }
        return result;
    }

    /** Tags seen on sessions that no resident owns. */
    @Transactional(readOnly = true)
    public List<UnknownTag> unknownTags(CondominiumId condo) {
        return repository.unknownTags(condo).stream()
                .map(r -> new UnknownTag(r.tag(), r.sessions(), r.lastSeenAt(), r.energyWh()))
                .toList();
    }

    /** When tags are assigned to a resident, sessions recorded with them are attached (and announced once). */
    @ApplicationModuleListener
    void on(ResidentTagsAssigned event) {
        List<Session> attached = repository.attach(
                event.condominiumId(), event.residentId(), event.tags().toArray(String[]::new));
        if (!attached.isEmpty()) {
            events.publishEvent(new SessionsChanged(
                    event.condominiumId(),
                    attached.stream()
                            .<SessionEvent>map(s -> new SessionIdentified(
                                    event.condominiumId(), s.id(), event.residentId(), s.idTag(), s.open()))
                            .toList()));
            log.info(
                    "Attached {} session(s) to resident {} in condominium {}",
                    attached.size(),
                    event.residentId(),
                    event.condominiumId());
        }
    }

    /** The residents of the filter's apartment, or null when the filter names none. */
    private @Nullable List<Long> residentsOfApartment(CondominiumId condo, SessionFilter filter) {
        return filter.apartment() == null || filter.apartment().isBlank()
                ? null
                : residents.idsByApartment(condo, filter.apartment());
    }

    private List<ChargingSession> enrich(CondominiumId condo, List<Session> rows) {
        Set<Long> ids =
                rows.stream().map(Session::residentId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, ResidentRef> refs = ids.isEmpty() ? Map.of() : residents.refs(condo, ids);
        Instant now = clock.instant();
        return rows.stream()
                .map(s -> {
                    ResidentRef r = s.residentId() == null ? null : refs.get(s.residentId());
                    return new ChargingSession(
                            s.id(),
                            s.transactionId(),
                            s.chargerUuid(),
                            s.chargerName(),
                            s.connectorId(),
                            s.idTag(),
                            s.residentId(),
                            r == null ? null : r.name(),
                            r == null ? null : r.unit(),
                            s.status(),
                            s.startedAt(),
                            s.endedAt(),
                            s.energyWh(),
                            s.durationSeconds(),
                            s.idleSince(),
                            s.idleSeconds(now),
                            s.endReason(),
                            s.unidentifiedReason(),
                            s.energyPending());
                })
                .toList();
    }

    public record UnknownTag(String tag, long sessions, Instant lastSeenAt, long energyWh) {}
}
