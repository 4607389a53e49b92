package br.com.vetric.dashboard.web;

import br.com.vetric.dashboard.DashboardProperties;
import br.com.vetric.dashboard.internal.Board;
import br.com.vetric.dashboard.internal.BoardService;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.platform.Words;
import br.com.vetric.platform.web.PageFormat;
import br.com.vetric.platform.web.WebConfiguration;
import br.com.vetric.shared.CondominiumId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Live board: every open browser holds one Server-Sent Events connection. After each sync cycle (observed by
 * whichever instance polls, signalled to every instance by {@link BoardSignals}) the board of that condominium is
 * rendered once per language and sent to this instance's browsers as the {@code board} event (an htmx
 * fragment). Fan-out runs off the poller thread; a browser that cannot be written to is dropped. Streams are
 * limited per user and in total ({@link DashboardProperties}); the render cache holds one entry per condominium and
 * supported language.
 */
@Component
class BoardStream {

    private static final Logger log = LoggerFactory.getLogger(BoardStream.class);
    static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);

    private final BoardService boards;
    private final SpringTemplateEngine templates;
    private final PageFormat fmt;
    private final Words words;
    private final Users users;
    private final DashboardProperties limits;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "board-sse");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "board-sse-ping");
        t.setDaemon(true);
        return t;
    });

    BoardStream(
            BoardService boards,
            SpringTemplateEngine templates,
            PageFormat fmt,
            Words words,
            Users users,
            DashboardProperties limits) {
        this.boards = boards;
        this.words = words;
        this.users = users;
        this.limits = limits;
        this.templates = templates;
        this.fmt = fmt;
        pinger.scheduleAtFixedRate(this::ping, 25, 25, TimeUnit.SECONDS);
    }

    record Client(SseEmitter emitter, CondominiumId condo, Locale locale, long userId) {}

    /**
     * A new stream for this user, or empty when the user already holds {@code sseMaxPerUser} streams or the
     * instance {@code sseMaxTotal} (the caller answers 429). The locale is reduced to a supported language.
     */
    Optional<SseEmitter> open(CondominiumId condo, Locale locale, long userId) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        Client client = new Client(emitter, condo, WebConfiguration.supported(locale), userId);
        if (connectionsOf(userId) >= limits.sseMaxPerUser()) {
            probe(userId); // outside the lock: a stalled stream of this user delays only this user
        }
        synchronized (clients) {
            if (clients.size() >= limits.sseMaxTotal()) {
                log.warn(
                        "Board stream refused for user {}: {} streams open, the limit of the instance",
                        userId,
                        clients.size());
                return Optional.empty();
            }
            if (connectionsOf(userId) >= limits.sseMaxPerUser()) {
                log.info("Board stream refused for user {}: already {} open", userId, limits.sseMaxPerUser());
                return Optional.empty();
            }
            clients.add(client);
        }
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(e -> clients.remove(client));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException | IllegalStateException e) {
            clients.remove(client);
        }
        return Optional.of(emitter);
    }

    /**
     * Writes a comment to each stream of the user and drops those that fail (a closed tab is otherwise noticed only
     * by the periodic ping).
     */
    private void probe(long userId) {
        for (Client c : List.copyOf(clients)) {
            if (c.userId() == userId) {
                for (int i = 0; i < 2 && clients.contains(c); i++) {
                    try {
                        c.emitter().send(SseEmitter.event().comment("ping"));
                    } catch (IOException | IllegalStateException e) {
                        drop(c);
                    }
                }
            }
        }
    }

    int connections() {
        return clients.size();
    }

    /** Open streams of one user (tests). */
    long connectionsOf(long userId) {
        return clients.stream().filter(c -> c.userId() == userId).count();
    }

    /**
     * Ends every open stream when the application shuts down, before the web server's graceful shutdown starts
     * (which would otherwise wait for these never-ending responses until its timeout).
     */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        for (Client c : List.copyOf(clients)) {
            try {
                c.emitter().complete();
            } catch (RuntimeException e) {
                log.debug("Could not complete an SSE stream at shutdown: {}", e.toString());
            }
        }
        clients.clear();
    }

    /** Pushes the condominium's board to this instance's browsers, off the caller's thread ({@link BoardSignals}). */
    void changed(CondominiumId condo) {
        coordinator.execute(() -> Tenancy.within(condo, () -> broadcast(condo)));
    }

    /**
     * Renders the condominium's board (once per language) and sends its browsers only what changed since the
     * last push: the counters/banner ({@code summary}) and the changed cards ({@code card-<uuid>}); when the set of
     * chargers itself changed, the whole board ({@code board}).
     */
    void broadcast(CondominiumId condo) {
        List<Client> targets =
                clients.stream().filter(c -> c.condo().equals(condo)).toList();
        if (targets.isEmpty()) {
            return;
        }
        try {
            targets = stillActive(targets);
            Board board = boards.build(condo);
            Map<Locale, List<Event>> events = new HashMap<>();
            List<Future<?>> sends = new ArrayList<>(targets.size());
            for (Client c : targets) {
                List<Event> ev = events.computeIfAbsent(c.locale(), l -> diff(condo, board, l));
                if (!ev.isEmpty()) {
                    sends.add(senders.submit(() -> send(c, ev)));
                }
            }
            for (Future<?> f : sends) {
                try {
                    f.get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    f.cancel(true);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not push the board of condominium {}: {}", condo, e.toString());
        }
    }

    /**
     * A stream opened by a user who has since been deactivated is closed (its browser's reconnect then meets the
     * login page): one query per distinct user per cycle.
     */
    private List<Client> stillActive(List<Client> targets) {
        Map<Long, Boolean> active = new HashMap<>();
        List<Client> out = new ArrayList<>(targets.size());
        for (Client c : targets) {
            if (active.computeIfAbsent(c.userId(), id -> users.findActive(id).isPresent())) {
                out.add(c);
            } else {
                log.info("Closing a board stream of user {}: no longer active", c.userId());
                drop(c);
            }
        }
        return out;
    }

    /** One SSE event (a fresh builder is made per browser: builders are not reusable). */
    private record Event(String name, String data) {}

    private record Rendered(String summary, Map<String, String> cards) {}

    private final Map<String, Rendered> last = new ConcurrentHashMap<>();

    /** Entries of the render cache (tests): at most one per condominium and supported language. */
    int cachedRenders() {
        return last.size();
    }

    private List<Event> diff(CondominiumId condo, Board board, Locale locale) {
        String key = condo + "|" + locale.toLanguageTag();
        Context ctx = context(board, locale);
        String summary = templates.process("dashboard/board", Set.of("summary"), ctx);
        Map<String, String> cards = new java.util.LinkedHashMap<>();
        for (Board.Card card : board.cards()) {
            ctx.setVariable("c", card);
            cards.put(card.uuid(), templates.process("dashboard/board", Set.of("card"), ctx));
        }
        Rendered previous = last.put(key, new Rendered(summary, cards));
        List<Event> out = new ArrayList<>();
        if (previous == null || !List.copyOf(previous.cards().keySet()).equals(List.copyOf(cards.keySet()))) {
            out.add(new Event("board", render(board, locale)));
            return out;
        }
        if (!summary.equals(previous.summary())) {
            out.add(new Event("summary", summary));
        }
        cards.forEach((uuid, html) -> {
            if (!html.equals(previous.cards().get(uuid))) {
                out.add(new Event("card-" + uuid, html));
            }
        });
        return out;
    }

    private Context context(Board board, Locale locale) {
        Context ctx = new Context(locale);
        ctx.setVariable("board", board);
        ctx.setVariable("fmt", fmt);
        ctx.setVariable("words", words);
        return ctx;
    }

    String render(Board board, Locale locale) {
        return templates.process("dashboard/board", Set.of("live"), context(board, locale));
    }

    private void send(Client c, List<Event> events) {
        try {
            for (Event e : events) {
                c.emitter().send(SseEmitter.event().name(e.name()).data(e.data()));
            }
        } catch (IOException | IllegalStateException e) {
            drop(c);
        }
    }

    private void ping() {
        for (Client c : clients) {
            senders.execute(() -> {
                try {
                    c.emitter().send(SseEmitter.event().comment("ping"));
                } catch (IOException | IllegalStateException e) {
                    drop(c);
                }
            });
        }
    }

    private void drop(Client c) {
        if (clients.remove(c)) {
            try {
                c.emitter().complete();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    @PreDestroy
    void close() {
        pinger.shutdownNow();
        coordinator.shutdownNow();
        for (Client c : clients) {
            drop(c);
        }
        senders.shutdownNow();
    }
}
