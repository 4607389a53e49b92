package br.com.vetric.dashboard.web;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.chargers.StatusChange;
import br.com.vetric.dashboard.internal.Board.State;
import br.com.vetric.dashboard.internal.BoardService;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The charger list and one charger's page: status timeline (24 h / 7 days) with its legend, the faults of the period,
 * recent sessions; everything in words, the charger's codes only in titles.
 */
@Controller
class ChargerPageController {

    static final int RECENT_SESSIONS = 10;

    private final Chargers chargers;
    private final Sessions sessions;
    private final CurrentCondominium current;
    private final Clock clock;

    ChargerPageController(Chargers chargers, Sessions sessions, CurrentCondominium current, Clock clock) {
        this.chargers = chargers;
        this.sessions = sessions;
        this.current = current;
        this.clock = clock;
    }

    @GetMapping("/chargers")
    String list(Model model) {
        List<ChargerView> list = new ArrayList<>(chargers.list(current.require()));
        list.sort(Comparator.comparing(ChargerView::name, Comparator.nullsLast(String::compareToIgnoreCase)));
        model.addAttribute(
                "chargers",
                list.stream().map(c -> new Row(c, BoardService.state(c))).toList());
        return "dashboard/chargers";
    }

    @GetMapping("/chargers/{uuid}")
    String charger(@PathVariable String uuid, @RequestParam(defaultValue = "24h") String range, Model model) {
        CondominiumId condo = current.require();
        ChargerView charger = chargers.get(condo, uuid);
        Duration span = "7d".equals(range) ? Duration.ofDays(7) : Duration.ofHours(24);
        Instant to = clock.instant();
        Instant from = to.minus(span);
        // only what the page shows: the window's changes, the one change before it, the ten latest sessions
        List<StatusChange> history = chargers.history(condo, uuid, from, to);
        StatusChange before = chargers.lastChangeBefore(condo, uuid, from).orElse(null);
        List<Segment> segments = timeline(before, history, from, to);
        Map<String, Long> errors = new LinkedHashMap<>();
        for (StatusChange s : history) {
            if (s.errorCode() != null) {
                errors.merge(s.errorCode(), 1L, Long::sum);
            }
        }
        model.addAttribute("charger", charger);
        model.addAttribute("state", BoardService.state(charger));
        model.addAttribute("range", "7d".equals(range) ? "7d" : "24h");
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("segments", segments);
        model.addAttribute(
                "noDataBefore",
                !segments.isEmpty() && segments.getFirst().noData()
                        ? segments.getFirst().to()
                        : null);
        model.addAttribute("legend", State.values());
        model.addAttribute("history", history.reversed());
        model.addAttribute("errors", errors);
        model.addAttribute(
                "sessions",
                sessions.pageAfter(
                        condo, new SessionFilter(null, uuid, null, null, null, null, null), null, RECENT_SESSIONS));
        return "dashboard/charger";
    }

    /** Turns status changes into coloured bar segments covering [from, to), widths in percent. */
    static List<Segment> timeline(StatusChange initial, List<StatusChange> changes, Instant from, Instant to) {
        List<StatusChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(StatusChange::observedAt));
        List<Segment> out = new ArrayList<>();
        double total = Duration.between(from, to).toMillis();
        Instant cursor = from;
        StatusChange currentState = initial;
        for (StatusChange s : sorted) {
            Instant at = s.observedAt().isBefore(from) ? from : s.observedAt();
            if (at.isAfter(cursor)) {
                out.add(segment(currentState, cursor, at, total));
            }
            cursor = at.isAfter(cursor) ? at : cursor;
            currentState = s;
        }
        if (to.isAfter(cursor)) {
            out.add(segment(currentState, cursor, to, total));
        }
        return out;
    }

    private static Segment segment(StatusChange s, Instant a, Instant b, double total) {
        double pct = total <= 0 ? 0 : Duration.between(a, b).toMillis() * 100.0 / total;
        if (s == null) {
            return new Segment(null, null, null, a, b, pct);
        }
        State state = State.of(s.status(), s.online(), s.status() == ConnectorStatus.FAULTED || s.errorCode() != null);
        return new Segment(state, s.status(), s.errorCode(), a, b, pct);
    }

    record Row(ChargerView charger, State state) {}

    /**
     * One stretch of the timeline: what the charger was doing ({@code state} null: VETRIC has no data for it), its
     * status and error code (for the words and the operator's title), and its width in percent.
     */
    record Segment(State state, ConnectorStatus status, String errorCode, Instant from, Instant to, double percent) {

        public String color() {
            return state == null ? "light" : state.color();
        }

        public boolean noData() {
            return state == null;
        }

        public String width() {
            return String.format(java.util.Locale.ROOT, "%.3f%%", percent);
        }
    }
}
