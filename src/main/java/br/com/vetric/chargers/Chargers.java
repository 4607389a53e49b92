package br.com.vetric.chargers;

import br.com.vetric.chargers.ChargerEvents.ChargerBackOnline;
import br.com.vetric.chargers.ChargerEvents.ChargerDiscovered;
import br.com.vetric.chargers.ChargerEvents.ChargerEvent;
import br.com.vetric.chargers.ChargerEvents.ChargerFaultCleared;
import br.com.vetric.chargers.ChargerEvents.ChargerFaulted;
import br.com.vetric.chargers.ChargerEvents.ChargerStatusChanged;
import br.com.vetric.chargers.ChargerEvents.ChargerUnavailable;
import br.com.vetric.chargers.ChargerEvents.ChargerWentOffline;
import br.com.vetric.chargers.ChargerEvents.ChargersChanged;
import br.com.vetric.chargers.internal.ChargerRepository;
import br.com.vetric.chargers.internal.ChargerRepository.ConnectorRow;
import br.com.vetric.chargers.internal.ChargerRepository.Stored;
import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.ConnectorSnapshot;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The charger registry of each condominium. */
@Service
public class Chargers {

    private static final Logger log = LoggerFactory.getLogger(Chargers.class);

    private final ChargerRepository repository;
    private final ChargerProperties props;
    private final ApplicationEventPublisher events;

    Chargers(ChargerRepository repository, ChargerProperties props, ApplicationEventPublisher events) {
        this.repository = repository;
        this.props = props;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<ChargerView> list(CondominiumId condo) {
        return repository.list(condo);
    }

    @Transactional(readOnly = true)
    public ChargerView get(CondominiumId condo, String uuid) {
        return repository
                .find(condo, uuid)
                .map(Stored::view)
                .orElseThrow(() -> new NotFoundException("charger " + uuid + " not found"));
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(CondominiumId condo, String uuid, Instant from, Instant to) {
        return repository.history(condo, uuid, from, to);
    }

    /**
     * Every charger's status history over [from, to) (observed time), by charger uuid, each in order and preceded by
     * the charger's last change before {@code from} when there is one: two queries for the whole condominium.
     */
    @Transactional(readOnly = true)
    public Map<String, List<StatusChange>> histories(CondominiumId condo, Instant from, Instant to) {
        Map<String, List<StatusChange>> result = new HashMap<>();
        for (StatusChange c : repository.lastChangesBefore(condo, from)) {
            result.computeIfAbsent(c.chargerUuid(), k -> new ArrayList<>()).add(c);
        }
        for (StatusChange c : repository.historyOfAll(condo, from, to)) {
            result.computeIfAbsent(c.chargerUuid(), k -> new ArrayList<>()).add(c);
        }
        return result;
    }

    /** What the charger was last recorded doing before {@code before} (for the start of a timeline). */
    @Transactional(readOnly = true)
    public Optional<StatusChange> lastChangeBefore(CondominiumId condo, String uuid, Instant before) {
        return repository.lastChangeBefore(condo, uuid, before);
    }

    /**
     * Applies one complete poll: discovers new uuids, writes only what changed (status history included) and
     * publishes the matching events. Runs inside the caller's transaction (the sync cycle).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ChargerSyncResult apply(CondominiumId condo, List<ChargePointSnapshot> snapshots, Instant now) {
        Map<String, Stored> stored = repository.loadAll(condo);
        List<ChargerEvent> happened = new ArrayList<>();
        List<Stored> changed = new ArrayList<>();
        List<ConnectorRow> connectorRows = new ArrayList<>();
        List<StatusChange> history = new ArrayList<>();
        int discovered = 0;
        for (ChargePointSnapshot snap : snapshots) {
            Stored before = stored.get(snap.uuid());
            Stored after = merge(before, snap, now);
            if (before == null) {
                after = after.withId(repository.insertCharger(condo, after));
                discovered++;
                log.info("Discovered charger {} ({}) in condominium {}", snap.uuid(), after.name(), condo);
                happened.add(new ChargerDiscovered(condo, after.uuid(), after.name(), now));
            } else if (differs(before, after)) {
                changed.add(after);
            }
            for (ConnectorView k : after.connectors().values()) {
                ConnectorView old = before == null ? null : before.connectors().get(k.connectorId());
                if (!Objects.equals(old, k)) {
                    connectorRows.add(new ConnectorRow(after.id(), k));
                }
                if (old == null || old.status() != k.status() || !Objects.equals(old.errorCode(), k.errorCode())) {
                    history.add(new StatusChange(
                            after.uuid(),
                            k.connectorId(),
                            k.status(),
                            k.errorCode(),
                            after.online(),
                            k.lastStatusAt(),
                            now));
                    connectorEvents(condo, after, old, k, now, happened);
                }
            }
            if (before != null && before.online() != after.online()) {
                history.add(new StatusChange(
                        after.uuid(),
                        0,
                        after.status(),
                        after.errorCode(),
                        after.online(),
                        after.lastHeartbeatAt(),
                        now));
                if (after.online()) {
                    log.info("Charger {} is back online", after.uuid());
                    happened.add(new ChargerBackOnline(condo, after.uuid(), after.name(), now));
                } else {
                    log.warn("Charger {} is offline: last heartbeat {}", after.uuid(), after.lastHeartbeatAt());
                    happened.add(
                            new ChargerWentOffline(condo, after.uuid(), after.name(), after.lastHeartbeatAt(), now));
                }
            }
        }
        repository.updateChargers(condo, changed);
        repository.upsertConnectors(condo, connectorRows);
        repository.insertHistory(condo, history);
        if (!happened.isEmpty()) {
            events.publishEvent(new ChargersChanged(condo, happened));
        }
        return new ChargerSyncResult(discovered, changed.size(), history.size());
    }

    private void connectorEvents(
            CondominiumId condo,
            Stored charger,
            ConnectorView old,
            ConnectorView k,
            Instant now,
            List<ChargerEvent> happened) {
        ConnectorStatus previous = old == null ? null : old.status();
        happened.add(new ChargerStatusChanged(
                condo,
                charger.uuid(),
                charger.name(),
                k.connectorId(),
                previous,
                k.status(),
                k.errorCode(),
                k.lastStatusAt(),
                now));
        boolean wasFaulted = old != null && faulted(old);
        boolean isFaulted = faulted(k);
        if (isFaulted && !wasFaulted) {
            log.warn(
                    "Charger {} connector {} faulted: {} {}",
                    charger.uuid(),
                    k.connectorId(),
                    k.status(),
                    k.errorCode());
            happened.add(new ChargerFaulted(
                    condo, charger.uuid(), charger.name(), k.connectorId(), k.errorCode(), k.errorInfo(), now));
        } else if (!isFaulted && wasFaulted) {
            log.info("Charger {} connector {} fault cleared", charger.uuid(), k.connectorId());
            happened.add(new ChargerFaultCleared(condo, charger.uuid(), charger.name(), k.connectorId(), now));
        }
        if (k.status() == ConnectorStatus.UNAVAILABLE && previous != ConnectorStatus.UNAVAILABLE) {
            log.warn("Charger {} connector {} is Unavailable", charger.uuid(), k.connectorId());
            happened.add(new ChargerUnavailable(condo, charger.uuid(), charger.name(), k.connectorId(), now));
        }
    }

    static boolean faulted(ConnectorView k) {
        return k.status() == ConnectorStatus.FAULTED || k.errorCode() != null;
    }

    private Stored merge(Stored before, ChargePointSnapshot snap, Instant now) {
        Map<Integer, ConnectorView> connectors = new LinkedHashMap<>();
        if (before != null) {
            connectors.putAll(before.connectors());
        }
        for (ConnectorSnapshot c : snap.connectors()) {
            connectors.put(
                    c.connectorId(),
                    new ConnectorView(
                            c.connectorId(), c.status(), c.errorCode(), c.errorInfo(), c.statusAt(), c.powerMaxW()));
        }
        ConnectorStatus status = aggregate(connectors.values());
        String error = connectors.values().stream()
                .filter(Chargers::faulted)
                .map(ConnectorView::errorCode)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        Instant lastStatusAt = connectors.values().stream()
                .map(ConnectorView::lastStatusAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(before == null ? null : before.lastStatusAt());
        Instant heartbeat = snap.lastHeartbeatAt();
        if (before != null
                && before.lastHeartbeatAt() != null
                && (heartbeat == null
                        || heartbeat.isBefore(before.lastHeartbeatAt().plus(props.heartbeatWriteGranularity()))
                                && isOnline(heartbeat, now) == before.online())) {
            heartbeat = before.lastHeartbeatAt(); // not worth a write on its own
        }
        boolean online = isOnline(snap.lastHeartbeatAt(), now);
        return new Stored(
                before == null ? 0 : before.id(),
                snap.uuid(),
                snap.chargeBoxId(),
                snap.displayName(),
                snap.vendor(),
                snap.model(),
                status,
                error,
                lastStatusAt,
                heartbeat,
                online,
                before == null ? now : before.firstSeenAt(),
                now,
                connectors);
    }

    private boolean isOnline(Instant heartbeat, Instant now) {
        return heartbeat == null || !heartbeat.isBefore(now.minus(props.offlineAfter()));
    }

    private static boolean differs(Stored a, Stored b) {
        return !Objects.equals(a.chargeBoxId(), b.chargeBoxId())
                || !Objects.equals(a.name(), b.name())
                || !Objects.equals(a.vendor(), b.vendor())
                || !Objects.equals(a.model(), b.model())
                || a.status() != b.status()
                || !Objects.equals(a.errorCode(), b.errorCode())
                || !Objects.equals(a.lastStatusAt(), b.lastStatusAt())
                || !Objects.equals(a.lastHeartbeatAt(), b.lastHeartbeatAt())
                || a.online() != b.online();
    }

    /** One status per charger: a fault wins, then the busiest connector, else Available. */
    static ConnectorStatus aggregate(Iterable<ConnectorView> connectors) {
        ConnectorStatus best = null;
        for (ConnectorView k : connectors) {
            if (best == null || rank(k.status()) > rank(best)) {
                best = k.status();
            }
        }
        return best == null ? ConnectorStatus.UNKNOWN : best;
    }

    private static int rank(ConnectorStatus s) {
        return switch (s) {
            case FAULTED -> 10;
            case UNAVAILABLE -> 9;
            case CHARGING -> 8;
            case SUSPENDED_EV, SUSPENDED_EVSE -> 7;
            case PREPARING, OCCUPIED -> 6;
            case FINISHING -> 5;
            case RESERVED -> 4;
            case UNKNOWN -> 2;
            case AVAILABLE -> 1;
        };
    }
}
