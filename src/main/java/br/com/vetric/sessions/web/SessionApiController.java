package br.com.vetric.sessions.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.platform.ApiParams;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.sessions.UnidentifiedReason;
import br.com.vetric.shared.EndReason;
import br.com.vetric.shared.PageResult;
import br.com.vetric.shared.Zones;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sessions}: the charging session record, filtered and paged. */
@RestController
@RequestMapping("/api/v1/sessions")
class SessionApiController {

    private final Sessions sessions;
    private final CurrentCondominium current;

    SessionApiController(Sessions sessions, CurrentCondominium current) {
        this.sessions = sessions;
        this.current = current;
    }

    @GetMapping
    PageResult<SessionJson> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String chargerUuid,
            @RequestParam(required = false) Long residentId,
            @RequestParam(required = false) String apartment,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Boolean unidentified,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ApiParams.paging(page, size);
        SessionFilter filter = new SessionFilter(
                status(status),
                chargerUuid,
                residentId,
                apartment,
                ApiParams.periodStart("from", from),
                ApiParams.periodEnd("to", to),
                unidentified);
        return sessions.search(current.require(), filter, page, size).map(SessionJson::of);
    }

    @GetMapping("/{id}")
    SessionJson get(@PathVariable long id) {
        return SessionJson.of(sessions.get(current.require(), id));
    }

    static SessionStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return SessionStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of STARTED, CHARGING, SUSPENDED, FINISHED, ERROR");
        }
    }

    record SessionJson(
            long id,
            Long externalTransactionId,
            String chargerUuid,
            String chargerName,
            int connectorId,
            String idTag,
            Long residentId,
            String residentName,
            String apartment,
            SessionStatus status,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            long energyWh,
            Long durationSeconds,
            OffsetDateTime idleSince,
            long idleSeconds,
            EndReason endReason,
            boolean identified,
            UnidentifiedReason unidentifiedReason) {

        static SessionJson of(ChargingSession s) {
            Long duration = s.durationSeconds();
            if (duration == null) {
                duration = java.time.Duration.between(s.startedAt(), s.endedAt() != null ? s.endedAt() : Instant.now())
                        .toSeconds();
            }
            return new SessionJson(
                    s.id(),
                    s.externalTransactionId(),
                    s.chargerUuid(),
                    s.chargerName(),
                    s.connectorId(),
                    s.idTag(),
                    s.residentId(),
                    s.residentName(),
                    s.apartment(),
                    s.status(),
                    Zones.local(s.startedAt()),
                    Zones.local(s.endedAt()),
                    s.energyWh(),
                    duration,
                    Zones.local(s.idleSince()),
                    s.idleSeconds(),
                    s.endReason(),
                    s.identified(),
                    s.unidentifiedReason());
        }
    }
}
