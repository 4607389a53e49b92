package br.com.vetric.dashboard.web;

import br.com.vetric.platform.DatabaseNotifications;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.sync.SyncCompleted;
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

    private final DatabaseNotifications signals;

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
        signals.publish(CHANNEL, event.condominiumId().value() + ":sync");
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
