package br.com.vetric.residentapp.web;

import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ApiParams;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.residentapp.Preferences;
import br.com.vetric.residentapp.internal.MyData;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.shared.PageResult;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in resident's own data ({@code RESIDENT} bearer tokens only; everyone else gets 403). Nothing here takes
 * a resident or condominium id: both come from the token.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

    private final MyData data;

    MeApiController(MyData data) {
        this.data = data;
    }

    record SessionView(
            long id,
            @Nullable String chargerName,
            String status,
            Instant startedAt,
            @Nullable Instant endedAt,
            long energyWh,
            boolean energyPending,
            @Nullable Long durationSeconds,
            long idleSeconds,
            @Nullable String endReason) {

        static SessionView of(ChargingSession s) {
            return new SessionView(
                    s.id(),
                    s.chargerName(),
                    s.status().name(),
                    s.startedAt(),
                    s.endedAt(),
                    s.energyWh(),
                    s.energyPending(),
                    s.durationSeconds(),
                    s.idleSeconds(),
                    s.endReason() == null ? null : s.endReason().name());
        }
    }

    record PushSubscription(
            @Nullable String endpoint, @Nullable Keys keys) {
        record Keys(@Nullable String p256dh, @Nullable String auth) {}
    }

    record Unsubscribe(@Nullable String endpoint) {}

    @GetMapping
    MyData.Me me() {
        return data.me(resident());
    }

    @GetMapping("/sessions")
    PageResult<SessionView> sessions(
            @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        ApiParams.paging(page, size);
        return data.sessions(resident(), month == null ? null : month(month), page, size)
                .map(SessionView::of);
    }

    @GetMapping("/consumption")
    MyData.Consumption consumption(@RequestParam(required = false) String month) {
        return data.consumption(resident(), month == null ? null : month(month));
    }

    @GetMapping("/preferences")
    Preferences preferences() {
        return data.preferences(resident());
    }

    @PutMapping("/preferences")
    Preferences savePreferences(@RequestBody Preferences preferences) {
        return data.savePreferences(resident(), preferences);
    }

    @PostMapping("/push-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    void subscribe(@RequestBody PushSubscription s) {
        data.subscribe(
                resident(),
                s.endpoint(),
                s.keys() == null ? null : s.keys().p256dh(),
                s.keys() == null ? null : s.keys().auth());
    }

    @DeleteMapping("/push-subscriptions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@RequestBody Unsubscribe s) {
        data.unsubscribe(resident(), s.endpoint());
    }

    static AuthenticatedUser resident() {
        return CurrentCondominium.currentUser()
                .filter(u -> u.role() == br.com.vetric.identity.Role.RESIDENT)
                .orElseThrow(() -> new AccessDeniedException("not a resident"));
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month as YYYY-MM, e.g. 2026-03");
        }
    }
}
