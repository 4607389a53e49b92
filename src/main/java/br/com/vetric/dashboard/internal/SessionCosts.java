package br.com.vetric.dashboard.internal;

import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Tags;
import br.com.vetric.shared.Zones;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What sessions cost, by the statement's rule: each session's energy placed in time by the sessions' one allocation
 * rule and priced month by month with the condominium's tariff ({@link Tariffs#cost}), so a page shows the R$ the
 * statement will. An open session costs what it has used so far; one whose energy the charger reports only at the end
 * has no cost yet.
 */
@Service
public class SessionCosts {

    /** Sessions of a page that start within this of each other are read in one window. */
    static final Duration WINDOW_GAP = Duration.ofHours(6);

    private final Sessions sessions;
    private final Tariffs tariffs;
    private final Clock clock;

    SessionCosts(Sessions sessions, Tariffs tariffs, Clock clock) {
        this.sessions = sessions;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /** The tariff in force, or empty when none is configured (then nothing has a price). */
    public Optional<Tariff> tariff(CondominiumId condo) {
        return tariffs.configured(condo) ? Optional.of(tariffs.tariff(condo)) : Optional.empty();
    }

    /**
     * The R$ of each session of a page, by id; a session with no price (no tariff, or energy still to be reported) is
     * absent. The sessions' energy is read in a few windows around their starts (those close in time share one), so a
     * page costs a few small reads however long the record is.
     */
    public Map<Long, BigDecimal> of(CondominiumId condo, List<ChargingSession> page) {
        Map<Long, BigDecimal> costs = new HashMap<>();
        if (page.isEmpty() || !tariffs.configured(condo)) {
            return costs;
        }
        Tariff tariff = tariffs.tariff(condo);
        Map<Long, ChargingSession> wanted = new HashMap<>();
        page.forEach(s -> wanted.put(s.id(), s));
        for (Window w : windows(page)) {
            for (SessionEnergy e :
                    sessions.energy(condo, w.from(), w.to().plusMillis(1), tariff.peakWindow(), Zones.SAO_PAULO)) {
                if (wanted.containsKey(e.session().id()) && !e.session().energyPending()) {
                    costs.put(e.session().id(), cost(condo, e));
                }
            }
        }
        return costs;
    }

    /** One session's price and the sessions that ran at the same time with the same card on another charger. */
    public Detail detail(CondominiumId condo, ChargingSession s) {
        Tariff tariff = tariffs.tariff(condo);
        Instant end = s.endedAt() != null ? s.endedAt() : clock.instant();
        BigDecimal cost = null;
        List<ChargingSession> sameTag = new ArrayList<>();
        Optional<String> tag = Tags.normalize(s.idTag());
        for (SessionEnergy e :
                sessions.energy(condo, s.startedAt(), end.plusMillis(1), tariff.peakWindow(), Zones.SAO_PAULO)) {
            ChargingSession other = e.session();
            if (other.id() == s.id()) {
                if (tariffs.configured(condo) && !s.energyPending()) {
                    cost = cost(condo, e);
                }
            } else if (tag.isPresent()
                    && tag.equals(Tags.normalize(other.idTag()))
                    && !other.chargerUuid().equals(s.chargerUuid())
                    && overlap(s, other, clock.instant())) {
                sameTag.add(other);
            }
        }
        return new Detail(cost, sameTag);
    }

    /** {@code cost}: null when there is no price; {@code sameTag}: sessions of the same card elsewhere, meanwhile. */
    public record Detail(BigDecimal cost, List<ChargingSession> sameTag) {}

    private BigDecimal cost(CondominiumId condo, SessionEnergy e) {
        ChargingSession s = e.session();
        YearMonth first = YearMonth.from(s.startedAt().atZone(Zones.SAO_PAULO));
        Instant end = s.endedAt() != null ? s.endedAt() : clock.instant();
        YearMonth last = YearMonth.from(end.atZone(Zones.SAO_PAULO));
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            total = total.add(tariffs.cost(condo, e, m));
        }
        return total;
    }

    private static boolean overlap(ChargingSession a, ChargingSession b, Instant now) {
        Instant aEnd = a.endedAt() != null ? a.endedAt() : now;
        Instant bEnd = b.endedAt() != null ? b.endedAt() : now;
        return a.startedAt().isBefore(bEnd) && b.startedAt().isBefore(aEnd);
    }

    record Window(Instant from, Instant to) {}

    /** The page's starts grouped: a new window when a start is more than {@link #WINDOW_GAP} after the window's first. */
    static List<Window> windows(List<ChargingSession> page) {
        List<Instant> starts = page.stream()
                .map(ChargingSession::startedAt)
                .sorted(Comparator.naturalOrder())
                .toList();
        List<Window> out = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (Instant t : starts) {
            if (from != null && Duration.between(from, t).compareTo(WINDOW_GAP) > 0) {
                out.add(new Window(from, to));
                from = null;
            }
            if (from == null) {
                from = t;
            }
            to = t;
        }
        if (from != null) {
            out.add(new Window(from, to));
        }
        return out;
    }
}
