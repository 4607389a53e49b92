package br.com.vetric.residentapp.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.Role;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.residentapp.Preferences;
import br.com.vetric.residentapp.ResidentAppProperties;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEnergy;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.PageResult;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a signed-in resident sees of their own: themselves, their sessions, their month's consumption and cost (the
 * statement's rule), their preferences and push subscriptions. Every call takes the resident's principal: the
 * resident id and condominium come from it, never from the request.
 */
@Service
public class MyData {

    /** The notices a resident may get, and so may route. */
    public static final List<NotificationKind> NOTICES = List.of(
            NotificationKind.CHARGING_STARTED,
            NotificationKind.IDLE_STARTED,
            NotificationKind.BATTERY_FULL,
            NotificationKind.CHARGING_INTERRUPTED);

    public static final List<String> CHANNELS = List.of("WHATSAPP", "PUSH");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Residents residents;
    private final Sessions sessions;
    private final Tariffs tariffs;
    private final Condominiums condominiums;
    private final AppRepository repository;
    private final ResidentAppProperties props;
    private final Clock clock;

    MyData(
            Residents residents,
            Sessions sessions,
            Tariffs tariffs,
            Condominiums condominiums,
            AppRepository repository,
            ResidentAppProperties props,
            Clock clock) {
        this.residents = residents;
        this.sessions = sessions;
        this.tariffs = tariffs;
        this.condominiums = condominiums;
        this.repository = repository;
        this.props = props;
        this.clock = clock;
    }

    public record Me(long id, String name, String unit, String phone, CondominiumRef condominium) {}

    public record CondominiumRef(long id, String name) {}

    /** A resident's app: whether the manager allows it, and when they first signed in (null: never). */
    public record AppStatus(
            long residentId, boolean appAccess, @Nullable Instant activatedAt) {}

    public record DayEnergy(LocalDate date, long wh) {}

    public record Consumption(
            YearMonth month,
            long energyWh,
            long peakWh,
            long offPeakWh,
            @Nullable BigDecimal cost,
            int sessions,
            List<DayEnergy> days) {}

    @Transactional(readOnly = true)
    public Me me(AuthenticatedUser user) {
        Resident r = residents.get(condo(user), user.id());
        Condominium c = condominiums.get(condo(user));
        return new Me(r.id(), r.name(), r.unit(), r.phone(), new CondominiumRef(c.id().value(), c.name()));
    }

    /** The resident's sessions, newest first; within a month of the condominium's zone when one is given. */
    @Transactional(readOnly = true)
    public PageResult<ChargingSession> sessions(AuthenticatedUser user, @Nullable YearMonth month, int page, int size) {
        CondominiumId condo = condo(user);
        Instant from = null;
        Instant to = null;
        if (month != null) {
            var zone = condominiums.get(condo).zone();
            from = month.atDay(1).atStartOfDay(zone).toInstant();
            to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        }
        return sessions.search(condo, new SessionFilter(null, null, user.id(), null, from, to, null), page, size);
    }

    /** The open session of the resident, if any (the newest one). */
    @Transactional(readOnly = true)
    public @Nullable ChargingSession current(AuthenticatedUser user) {
        return sessions(user, null, 0, 5).content().stream()
                .filter(ChargingSession::open)
                .findFirst()
                .orElse(null);
    }

    /**
     * The month's energy by the statement's rule (each session's energy placed in time, its share in this month,
     * peak or off-peak by the tariff's window), and its cost as the statement prices it (null when the condominium
     * has no tariff). {@code requested} null: the current month in the condominium's zone.
     */
    @Transactional(readOnly = true)
    public Consumption consumption(AuthenticatedUser user, @Nullable YearMonth requested) {
        CondominiumId condo = condo(user);
        Condominium c = condominiums.get(condo);
        YearMonth month = requested != null ? requested : YearMonth.now(clock.withZone(c.zone()));
        Tariff tariff = tariffs.tariff(condo);
        Instant from = month.atDay(1).atStartOfDay(c.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(c.zone()).toInstant();
        boolean priced = tariffs.configured(condo);
        long wh = 0;
        long peak = 0;
        long offPeak = 0;
        int count = 0;
        BigDecimal cost = priced ? BigDecimal.ZERO : null;
        Map<LocalDate, Long> days = new TreeMap<>();
        for (SessionEnergy e : sessions.energy(condo, from, to, tariff.peakWindow(), c.zone())) {
            Long resident = e.session().residentId();
            if (resident == null || resident != user.id() || !e.touches(month)) {
                continue;
            }
            count++;
            wh += e.wh(month);
            peak += e.peakWh(month);
            offPeak += e.offPeakWh(month);
            e.perDay(month).forEach((d, v) -> days.merge(d, v, Long::sum));
            if (priced) {
                cost = cost.add(tariffs.cost(condo, e, month));
            }
        }
        List<DayEnergy> perDay = new ArrayList<>();
        days.forEach((d, v) -> perDay.add(new DayEnergy(d, v)));
        return new Consumption(month, wh, peak, offPeak, cost, count, perDay);
    }

    @Transactional(readOnly = true)
    public Preferences preferences(AuthenticatedUser user) {
        boolean push = repository.pushSubscriptions(user.id()) > 0;
        Map<String, List<String>> channels = defaults(push);
        var stored = repository.preferences(user.id());
        if (stored.isEmpty()) {
            return new Preferences(channels, null);
        }
        Map<String, List<String>> saved =
                JSON.readValue(stored.get().channelsJson(), new TypeReference<Map<String, List<String>>>() {});
        channels.putAll(saved);
        var s = stored.get();
        return new Preferences(
                channels,
                s.quietFrom() == null
                        ? null
                        : new Preferences.QuietHours(
                                s.quietFrom().format(HH_MM), s.quietTo().format(HH_MM)));
    }

    /**
     * Replaces the preferences. A notice left out keeps its default (every channel); quiet hours may cross midnight
     * ("22:00" to "07:00") but may not start and end at the same minute.
     *
     * @throws InvalidInputException naming the field ({@code channels.<KIND>}, {@code quietHours.from}, ...)
     */
    @Transactional
    public Preferences savePreferences(AuthenticatedUser user, Preferences p) {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        if (p.channels() != null) {
            p.channels().forEach((kind, list) -> {
                if (NOTICES.stream().noneMatch(k -> k.name().equals(kind))) {
                    throw new InvalidInputException(
                            "channels." + kind, "is not a resident notice; use one of " + names());
                }
                if (list == null) {
                    throw new InvalidInputException("channels." + kind, "must be a list (empty for none)");
                }
                for (String ch : list) {
                    if (!CHANNELS.contains(ch)) {
                        throw new InvalidInputException("channels." + kind, "'" + ch + "' is not WHATSAPP or PUSH");
                    }
                }
                channels.put(kind, list.stream().distinct().toList());
            });
        }
        LocalTime from = null;
        LocalTime to = null;
        if (p.quietHours() != null) {
            from = time("quietHours.from", p.quietHours().from());
            to = time("quietHours.to", p.quietHours().to());
            if (from.equals(to)) {
                throw new InvalidInputException(
                        "quietHours.to",
                        "must differ from quietHours.from (a range may cross midnight: 22:00 to 07:00)");
            }
        }
        repository.savePreferences(
                condo(user), user.id(), JSON.writeValueAsString(channels), from, to, clock.instant());
        return preferences(user);
    }

    /**
     * Stores a browser's push subscription.
     *
     * @throws InvalidInputException naming {@code endpoint} when it is not https (nor http on loopback, when allowed),
     *                               or {@code keys.p256dh}/{@code keys.auth} when missing
     */
    @Transactional
    public void subscribe(
            AuthenticatedUser user, @Nullable String endpoint, @Nullable String p256dh, @Nullable String auth) {
        URI uri = endpoint(endpoint);
        if (p256dh == null || !p256dh.matches("[A-Za-z0-9_=-]{20,200}")) {
            throw new InvalidInputException("keys.p256dh", "is required (the browser's base64url public key)");
        }
        if (auth == null || !auth.matches("[A-Za-z0-9_=-]{8,100}")) {
            throw new InvalidInputException("keys.auth", "is required (the browser's base64url auth secret)");
        }
        repository.savePushSubscription(condo(user), user.id(), uri.toString(), p256dh, auth, clock.instant());
    }

    /** @throws NotFoundException when the resident has no such subscription */
    @Transactional
    public void unsubscribe(AuthenticatedUser user, @Nullable String endpoint) {
        if (endpoint == null || !repository.deletePushSubscription(user.id(), endpoint.strip())) {
            throw new NotFoundException("push subscription not found");
        }
    }

    /** Turns a resident's app access on or off (a manager's switch); their app sessions and tokens end at once. */
    @Transactional
    public void setAppAccess(CondominiumId condo, long residentId, boolean on) {
        residents.requireMayChange(condo);
        if (!repository.setAppAccess(condo, residentId, on, clock.instant())) {
            throw new NotFoundException("resident " + residentId + " not found");
        }
    }

    /** Which residents of the condominium have signed in to the app, and whose access is off. */
    @Transactional(readOnly = true)
    public Map<Long, AppStatus> appStatus(CondominiumId condo) {
        Map<Long, AppStatus> result = new LinkedHashMap<>();
        repository.appStatus(condo).forEach(s -> result.put(s.residentId(), s));
        return result;
    }

    private URI endpoint(@Nullable String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint == null ? "" : endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("endpoint", "must be the push service's https URL");
        }
        if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
            return uri;
        }
        if (props.pushAllowInsecure() && "http".equals(uri.getScheme()) && loopback(uri.getHost())) {
            return uri;
        }
        throw new InvalidInputException("endpoint", "must be the push service's https URL");
    }

    private static boolean loopback(@Nullable String host) {
        if (host == null) {
            return false;
        }
        try {
            return "localhost".equals(host) || InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static LocalTime time(String field, @Nullable String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a time as HH:mm, e.g. 22:00");
        }
    }

    private static Map<String, List<String>> defaults(boolean push) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (NotificationKind k : NOTICES) {
            result.put(k.name(), push ? CHANNELS : List.of("WHATSAPP"));
        }
        return result;
    }

    private static String names() {
        return String.join(", ", NOTICES.stream().map(Enum::name).toList());
    }

    static CondominiumId condo(AuthenticatedUser user) {
        if (user.role() != Role.RESIDENT) {
            throw new IllegalStateException("not a resident");
        }
        return new CondominiumId(user.condominiumIds().getFirst());
    }
}
