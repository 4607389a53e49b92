package br.com.vetric.dashboard.web;

import br.com.vetric.platform.DatabaseNotifications;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.SyncCompleted;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Live boards on every instance: the instance that polls a condominium signals each finished cycle (after its
 * commit) on the {@value #CHANNEL} channel with the condominium's id and what happened ({@code 12:sync}), and every
 * instance, this one included, renders that board again for its own browsers.
 */
@Component
class BoardSignals {

    static final String CHANNEL = "vetric_board";
    private static final Logger log = LoggerFactory.getLogger(BoardSignals.class);

    /**
     * A cycle that changed nothing is signalled only when CVE-PRO's reachability changed or a minute has passed, so
     * an idle fleet of hundreds of connections does not send a notification per poll while boards stay fresh.
     */
    private static final Duration QUIET_REFRESH = Duration.ofMinutes(1);

    private final DatabaseNotifications signals;
    private final Map<CondominiumId, Signalled> lastSignalled = new ConcurrentHashMap<>();

    BoardSignals(DatabaseNotifications signals, BoardStream stream) {
        this.signals = signals;
        signals.subscribe(CHANNEL, payload -> {
            CondominiumId condo = condominium(payload);
            if (condo != null) {
                stream.changed(condo);
            }
        });
    }

    @EventListener
    void on(SyncCompleted event) {
        Signalled now = new Signalled(event.success(), event.cpmsConnected(), event.at());
        Signalled before = lastSignalled.get(event.condominiumId());
        if (event.changes() == 0 && before != null && before.sameState(now) && before.recent(now.at())) {
            return; // nothing a board shows has changed: no signal, no statement
        }
        lastSignalled.put(event.condominiumId(), now);
        signals.publish(CHANNEL, event.condominiumId().value() + ":sync");
    }

    /** What the last signal of a condominium told its boards: whether CVE-PRO answered, and when. */
    private record Signalled(boolean success, boolean connected, Instant at) {
        boolean sameState(Signalled other) {
            return success == other.success && connected == other.connected;
        }

        boolean recent(Instant now) {
            return at.plus(QUIET_REFRESH).isAfter(now);
        }
    }

    /** The condominium a signal is about, or null when it is not one of ours. */
    static CondominiumId condominium(String payload) {
        int cut = payload.indexOf(':');
        try {
            return CondominiumId.of(Long.parseLong(cut < 0 ? payload : payload.substring(0, cut)));
        } catch (IllegalArgumentException e) {
            log.debug("Ignoring board signal {}", payload);
            return null;
        }
    }
}
