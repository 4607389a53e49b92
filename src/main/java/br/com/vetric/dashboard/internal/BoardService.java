package br.com.vetric.dashboard.internal;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.chargers.ConnectorView;
import br.com.vetric.dashboard.internal.Board.Card;
import br.com.vetric.dashboard.internal.Board.State;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.sync.SyncMonitor;
import br.com.vetric.sync.SyncStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Builds the monitoring board from the chargers' last known state and the open sessions. */
@Service
public class BoardService {

    private final Chargers chargers;
    private final Sessions sessions;
    private final SyncMonitor monitor;

    BoardService(Chargers chargers, Sessions sessions, SyncMonitor monitor) {
        this.chargers = chargers;
        this.sessions = sessions;
        this.monitor = monitor;
    }

    public Board build(CondominiumId condo) {
        List<ChargerView> list = chargers.list(condo);
        Map<String, ChargingSession> open = sessions.openByConnector(condo);
        List<Card> cards = new ArrayList<>(list.size());
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (ChargerView c : list) {
            Card card = card(c, open);
            cards.add(card);
            counts.merge(card.state(), 1L, Long::sum);
        }
        cards.sort(Comparator.comparing(Card::name, BoardService::naturalCompare));
        SyncStatus s = monitor.status();
        boolean down = s.consecutiveFailures() > 0 && !s.cpmsConnected();
        return new Board(
                counts.getOrDefault(State.CHARGING, 0L),
                counts.getOrDefault(State.WAITING, 0L),
                counts.getOrDefault(State.IDLE, 0L),
                counts.getOrDefault(State.FAULTED, 0L),
                counts.getOrDefault(State.OFFLINE, 0L),
                counts.getOrDefault(State.AVAILABLE, 0L),
                cards,
                down,
                s.lastSuccessAt(),
                s.lastError());
    }

    /** Offline (stale heartbeat or Unavailable) first, then a fault, then what the charger is doing. */
    public static State state(ChargerView c) {
        if (!c.online() || c.status() == ConnectorStatus.UNAVAILABLE) {
            return State.OFFLINE;
        }
        if (c.faulted()) {
            return State.FAULTED;
        }
        return switch (c.status()) {
            case CHARGING -> State.CHARGING;
            case PREPARING, OCCUPIED, FINISHING -> State.WAITING;
            case SUSPENDED_EV, SUSPENDED_EVSE -> State.IDLE;
            case FAULTED -> State.FAULTED;
            case UNAVAILABLE -> State.OFFLINE;
            case AVAILABLE, RESERVED, UNKNOWN -> State.AVAILABLE;
        };
    }

    private static Card card(ChargerView c, Map<String, ChargingSession> open) {
        ChargingSession session = null;
        for (ConnectorView k : c.connectors()) {
            ChargingSession s = open.get(c.uuid() + "#" + k.connectorId());
            if (s != null && (session == null || s.startedAt().isAfter(session.startedAt()))) {
                session = s;
            }
        }
        Instant updated = c.lastChangedAt() != null ? c.lastChangedAt() : c.lastStatusAt();
        String error = c.errorCode();
        return new Card(
                c.uuid(),
                c.name(),
                state(c),
                c.status().ocpp(),
                error,
                session == null ? null : session.id(),
                session == null ? null : session.residentName(),
                session == null ? null : session.apartment(),
                session == null ? null : session.idTag(),
                session == null ? null : session.startedAt(),
                session == null ? 0 : session.energyWh(),
                updated);
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
