package br.com.vetric.dashboard.web;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.chargers.ConnectorView;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/chargers}: the last known state of each charger, served even when CVE-PRO is down. */
@RestController
@RequestMapping("/api/v1/chargers")
class ChargerApiController {

    private final Chargers chargers;
    private final Sessions sessions;
    private final CurrentCondominium current;

    ChargerApiController(Chargers chargers, Sessions sessions, CurrentCondominium current) {
        this.chargers = chargers;
        this.sessions = sessions;
        this.current = current;
    }

    @GetMapping
    List<ChargerJson> list() {
        CondominiumId condo = current.require();
        Map<String, ChargingSession> open = sessions.openByConnector(condo);
        return chargers.list(condo).stream().map(c -> ChargerJson.of(c, open)).toList();
    }

    @GetMapping("/{uuid}")
    ChargerJson get(@PathVariable String uuid) {
        CondominiumId condo = current.require();
        return ChargerJson.of(chargers.get(condo, uuid), sessions.openByConnector(condo));
    }

    record ConnectorJson(
            int connectorId,
            String status,
            String errorCode,
            String errorInfo,
            OffsetDateTime lastStatusAt,
            Integer powerMaxW) {}

    record OpenSessionJson(
            long id,
            Long externalTransactionId,
            int connectorId,
            String idTag,
            Long residentId,
            String residentName,
            String apartment,
            SessionStatus status,
            OffsetDateTime startedAt,
            long energyWh,
            OffsetDateTime idleSince) {}

    record ChargerJson(
            String uuid,
            String chargeBoxId,
            String name,
            String status,
            String errorCode,
            boolean online,
            OffsetDateTime lastStatusAt,
            OffsetDateTime lastHeartbeatAt,
            List<ConnectorJson> connectors,
            OpenSessionJson openSession) {

        static ChargerJson of(ChargerView c, Map<String, ChargingSession> open) {
            List<ConnectorJson> connectors =
                    c.connectors().stream().map(ChargerJson::connector).toList();
            OpenSessionJson session = c.connectors().stream()
                    .map(k -> open.get(c.uuid() + "#" + k.connectorId()))
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .map(s -> new OpenSessionJson(
                            s.id(),
                            s.externalTransactionId(),
                            s.connectorId(),
                            s.idTag(),
                            s.residentId(),
                            s.residentName(),
                            s.apartment(),
                            s.status(),
                            Zones.local(s.startedAt()),
                            s.energyWh(),
                            Zones.local(s.idleSince())))
                    .orElse(null);
            return new ChargerJson(
                    c.uuid(),
                    c.chargeBoxId(),
                    c.name(),
                    c.status().ocpp(),
                    c.errorCode(),
                    c.online(),
                    Zones.local(c.lastStatusAt()),
                    Zones.local(c.lastHeartbeatAt()),
                    connectors,
                    session);
        }

        private static ConnectorJson connector(ConnectorView k) {
            return new ConnectorJson(
                    k.connectorId(),
                    k.status().ocpp(),
                    k.errorCode(),
                    k.errorInfo(),
                    Zones.local(k.lastStatusAt()),
                    k.powerMaxW());
        }
    }
}
