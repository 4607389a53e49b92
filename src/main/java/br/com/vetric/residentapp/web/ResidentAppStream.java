package br.com.vetric.residentapp.web;

import br.com.vetric.platform.DatabaseNotifications;
import br.com.vetric.shared.CondominiumId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Now tab's live updates: after each sync cycle of a condominium (the board's signal, {@code vetric_board}, sent
 * by whichever instance polled), each open app of that condominium gets a {@code now} event and fetches its own Now
 * fragment ({@code /app/agora}), so nothing about one resident is rendered for another. At most
 * {@value #MAX_PER_RESIDENT} streams per resident.
 */
@Component
class ResidentAppStream {

    /** The live board's channel (dashboard's {@code BoardSignals}): one signal per finished sync cycle. */
    static final String BOARD_CHANNEL = "vetric_board";

    static final int MAX_PER_RESIDENT = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    ResidentAppStream(DatabaseNotifications signals) {
        signals.subscribe(BOARD_CHANNEL, payload -> {
            int cut = payload.indexOf(':');
            try {
                CondominiumId condo = new CondominiumId(Long.parseLong(cut < 0 ? payload : payload.substring(0, cut)));
                senders.execute(() -> changed(condo));
            } catch (IllegalArgumentException e) {
                // not a condominium's signal
            }
        });
    }

    record Client(SseEmitter emitter, CondominiumId condo, long residentId) {}

    SseEmitter open(CondominiumId condo, long residentId) {
        for (Client old : List.copyOf(clients)) { // the oldest streams of this resident give way
            if (old.residentId() == residentId
                    && clients.stream()
                                    .filter(c -> c.residentId() == residentId)
                                    .count()
                            >= MAX_PER_RESIDENT) {
                clients.remove(old);
                old.emitter().complete();
            }
        }
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Client client = new Client(emitter, condo, residentId);
        clients.add(client);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(e -> clients.remove(client));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException | IllegalStateException e) {
            clients.remove(client);
        }
        return emitter;
    }

    void changed(CondominiumId condo) {
        for (Client c : List.copyOf(clients)) {
            if (c.condo().equals(condo)) {
                try {
                    c.emitter().send(SseEmitter.event().name("now").data("changed"));
                } catch (IOException | IllegalStateException e) {
                    clients.remove(c);
                }
            }
        }
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        for (Client c : List.copyOf(clients)) {
            try {
                c.emitter().complete();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        clients.clear();
    }
}
