package br.com.vetric.dashboard.web;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.dashboard.internal.SessionCosts;
import br.com.vetric.dashboard.internal.SessionExport;
import br.com.vetric.dashboard.internal.SessionQuery;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The session record: filters, a paged table, CSV/XLSX export of the filtered set, one session's page. */
@Controller
class SessionPageController {

    static final int PAGE_SIZE = 25;

    private final Sessions sessions;
    private final Chargers chargers;
    private final Residents residents;
    private final SessionExport export;
    private final SessionCosts costs;
    private final CurrentCondominium current;
    private final Clock clock;

    SessionPageController(
            Sessions sessions,
            Chargers chargers,
            Residents residents,
            SessionExport export,
            SessionCosts costs,
            CurrentCondominium current,
            Clock clock) {
        this.sessions = sessions;
        this.chargers = chargers;
        this.residents = residents;
        this.export = export;
        this.costs = costs;
        this.current = current;
        this.clock = clock;
    }

    @GetMapping("/sessions")
    String list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String charger,
            @RequestParam(required = false) Long resident,
            @RequestParam(required = false) String apartment,
            @RequestParam(required = false) SessionStatus status,
            @RequestParam(defaultValue = "false") boolean unidentified,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CondominiumId condo = current.require();
        SessionQuery q = new SessionQuery(from, to, charger, resident, apartment, status, unidentified);
        PageResult<ChargingSession> result = sessions.search(condo, q.filter(), Math.max(0, page), PAGE_SIZE);
        List<ChargerView> chargerList = new java.util.ArrayList<>(chargers.list(condo));
        chargerList.sort(Comparator.comparing(ChargerView::name, Comparator.nullsLast(String::compareToIgnoreCase)));
        List<Resident> residentList = residents.list(condo, null, true, 0, 1000);
        model.addAttribute("q", q);
        model.addAttribute("periodReversed", from != null && to != null && to.isBefore(from));
        model.addAttribute("result", result);
        model.addAttribute("chargers", chargerList);
        model.addAttribute("residents", residentList);
        model.addAttribute("statuses", SessionStatus.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("tariff", costs.tariff(condo).orElse(null));
        model.addAttribute("costs", costs.of(condo, result.content()));
        return "dashboard/sessions";
    }

    @GetMapping("/sessions/{id}")
    String session(@PathVariable long id, Model model) {
        CondominiumId condo = current.require();
        ChargingSession s = sessions.get(condo, id);
        SessionCosts.Detail detail = costs.detail(condo, s);
        model.addAttribute("s", s);
        model.addAttribute("cost", detail.cost());
        model.addAttribute("sameTag", detail.sameTag());
        model.addAttribute("tariff", costs.tariff(condo).orElse(null));
        model.addAttribute("now", clock.instant());
        return "dashboard/session";
    }

    /**
     * Streams the filtered sessions as CSV or XLSX. One export per user at a time: a second one while the first
     * still runs gets a 429 page.
     */
    @GetMapping("/sessions/export.{format:csv|xlsx}")
    String export(
            @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String charger,
            @RequestParam(required = false) Long resident,
            @RequestParam(required = false) String apartment,
            @RequestParam(required = false) SessionStatus status,
            @RequestParam(defaultValue = "false") boolean unidentified,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        CondominiumId condo = current.require();
        long userId = CurrentCondominium.currentUser().orElseThrow().id();
        Optional<SessionExport.Slot> slot = export.slot(userId);
        if (slot.isEmpty()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "dashboard/export-busy";
        }
        try (SessionExport.Slot running = slot.get()) {
            SessionQuery q = new SessionQuery(from, to, charger, resident, apartment, status, unidentified);
            Iterable<ChargingSession> rows = export.rows(condo, q.filter());
            String name = "carregamentos-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
                            .withZone(br.com.vetric.shared.Zones.SAO_PAULO)
                            .format(clock.instant())
                    + "." + format;
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
            if ("csv".equals(format)) {
                response.setContentType("text/csv;charset=UTF-8");
                export.csv(rows, locale, response.getOutputStream());
            } else {
                response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                export.xlsx(rows, locale, response.getOutputStream());
            }
        }
        return null;
    }
}
