package br.com.vetric.dashboard.internal;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.chargers.ConnectorView;
import br.com.vetric.dashboard.internal.Board.Card;
import br.com.vetric.dashboard.internal.Board.Idle;
import br.com.vetric.dashboard.internal.Board.Plugged;
import br.com.vetric.dashboard.internal.Board.State;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.Tags;
import br.com.vetric.sync.SyncMonitor;
import br.com.vetric.sync.SyncStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Builds the monitoring board from the chargers' last known state and the open sessions. */
@Service
public class BoardService {

    /** Statuses in which a car is still plugged in after its session ended (the card keeps its resident). */
    private static final Set<ConnectorStatus> STILL_PLUGGED =
            EnumSet.of(ConnectorStatus.FINISHING, ConnectorStatus.SUSPENDED_EV, ConnectorStatus.SUSPENDED_EVSE);

    private final Chargers chargers;
    private final Sessions sessions;
    private final SyncMonitor monitor;
    private final Clock clock;

    BoardService(Chargers chargers, Sessions sessions, SyncMonitor monitor, Clock clock) {
        this.chargers = chargers;
        this.sessions = sessions;
        this.monitor = monitor;
        this.clock = clock;
    }

    public Board build(CondominiumId condo) {
        List<ChargerView> list = chargers.list(condo);
        Map<String, ChargingSession> open = sessions.openByConnector(condo);
        Set<String> shared = sharedTags(open.values());
        List<Card> cards = new ArrayList<>(list.size());
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (ChargerView c : list) {
            Card card = card(condo, c, open, shared);
            cards.add(card);
            counts.merge(card.state(), 1L, Long::sum);
        }
        cards.sort(Comparator.comparing(Card::name, BoardService::naturalCompare));
        SyncStatus s = monitor.status(condo);
        boolean down = s.consecutiveFailures() > 0 && !s.cpmsConnected();
        return new Board(counts, cards, down, s.lastSuccessAt(), s.lastError(), clock.instant());
    }

    public static State state(ChargerView c) {
        return State.of(c.status(), c.online(), c.faulted());
    }

    /**
     * The tags (normalised) that open sessions on two or more chargers at once carry: one card in two places is a
     * shared or cloned card.
     */
    static Set<String> sharedTags(Collection<ChargingSession> open) {
        Map<String, Set<String>> chargersByTag = new HashMap<>();
        for (ChargingSession s : open) {
            Tags.normalize(s.idTag())
                    .ifPresent(t -> chargersByTag
                            .computeIfAbsent(t, k -> new HashSet<>())
                            .add(s.chargerUuid()));
        }
        Set<String> shared = new HashSet<>();
        chargersByTag.forEach((tag, where) -> {
            if (where.size() > 1) {
                shared.add(tag);
            }
        });
        return shared;
    }

    private Card card(CondominiumId condo, ChargerView c, Map<String, ChargingSession> open, Set<String> shared) {
        ChargingSession session = null;
        for (ConnectorView k : c.connectors()) {
            ChargingSession s = open.get(c.uuid() + "#" + k.connectorId());
            if (s != null && (session == null || s.startedAt().isAfter(session.startedAt()))) {
                session = s;
            }
        }
        if (session == null && c.online() && stillPlugged(c)) {
            session = lastEnded(condo, c).orElse(null);
        }
        Instant updated = c.lastChangedAt() != null ? c.lastChangedAt() : c.lastStatusAt();
        boolean sharedTag = session != null
                && session.open()
                && Tags.normalize(session.idTag()).map(shared::contains).orElse(false);
        return new Card(
                c.uuid(),
                c.name(),
                state(c),
                c.status(),
                c.errorCode(),
                session == null ? null : plugged(session, c),
                sharedTag,
                updated);
    }

    private static boolean stillPlugged(ChargerView c) {
        return STILL_PLUGGED.contains(c.status())
                || c.connectors().stream().anyMatch(k -> STILL_PLUGGED.contains(k.status()));
    }

    /** The charger's latest session, when it has ended (its car is the one still plugged in). */
    private Optional<ChargingSession> lastEnded(CondominiumId condo, ChargerView c) {
        List<ChargingSession> latest =
                sessions.pageAfter(condo, new SessionFilter(null, c.uuid(), null, null, null, null, null), null, 1);
        return latest.stream().filter(s -> !s.open()).findFirst();
    }

    private static Plugged plugged(ChargingSession s, ChargerView c) {
        Instant idleSince = null;
        Idle idle = null;
        if (s.open() && s.status() == SessionStatus.SUSPENDED) {
            idleSince = s.idleSince();
            idle = c.status() == ConnectorStatus.SUSPENDED_EVSE ? Idle.PAUSED : Idle.FULL;
        } else if (s.open() && c.status() == ConnectorStatus.FINISHING) {
            idleSince = c.lastStatusAt();
            idle = Idle.ENDED;
        } else if (!s.open()) {
            // ended with the car still plugged in: idle since the car went full, else since the end
            idleSince = s.idleSince() != null ? s.idleSince() : s.endedAt();
            idle = s.idleSince() != null ? Idle.FULL : Idle.ENDED;
        }
        if (idle != null && idleSince == null) {
            idleSince = c.lastStatusAt();
        }
        return new Plugged(
                s.id(),
                s.open(),
                s.residentName(),
                s.apartment(),
                s.idTag(),
                s.startedAt(),
                s.energyWh(),
                s.energyPending(),
                idleSince,
                idle);
    }

    /** "Garagem 2" before "Garagem 10". */
    static int naturalCompare(String a, String b) {
        a = a == null ? "" : a;
        b = b == null ? "" : b;
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        if (pa.equals(pb) && !pa.equals(a) && !pb.equals(b)) {
            try {
                return Long.compare(Long.parseLong(a.substring(pa.length())), Long.parseLong(b.substring(pb.length())));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return a.compareToIgnoreCase(b);
    }
}
