package br.com.vetric.cpms.internal;

import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.ConnectorSnapshot;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.EndReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tolerant reader of CVE-PRO's JSON: every field optional, every enum open, unknown fields ignored. A
 * malformed document is an error (the whole poll fails); a malformed element is skipped and logged.
 */
public final class CveProParser {

    private static final Logger log = LoggerFactory.getLogger(CveProParser.class);
    private static final String NO_ERROR = "NoError";
    private static final String[] CHARGER_LISTS = {"chargePointList", "list", "items", "results", "data"};
    private static final String[] TRANSACTION_LISTS = {"list", "items", "results", "data", "transactionList"};

    private final ObjectMapper mapper = JsonMapper.builder().build();

    public List<ChargePointSnapshot> chargePoints(String body) {
        JsonNode list = listOf(readTree(body, "chargepoints"), CHARGER_LISTS, "chargepoints");
        List<ChargePointSnapshot> result = new ArrayList<>(list.size());
        for (JsonNode node : list.values()) {
            try {
                ChargePointSnapshot cp = chargePoint(node);
                if (cp != null) {
                    result.add(cp);
                }
            } catch (RuntimeException e) {
                log.warn("Skipping a charge point CVE-PRO sent that could not be read: {}", e.toString());
            }
        }
        return result;
    }

    public List<TransactionSnapshot> transactions(String body) {
        JsonNode list = listOf(readTree(body, "transaction"), TRANSACTION_LISTS, "transaction");
        List<TransactionSnapshot> result = new ArrayList<>(list.size());
        for (JsonNode node : list.values()) {
            try {
                TransactionSnapshot tx = transaction(node);
                if (tx != null) {
                    result.add(tx);
                }
            } catch (RuntimeException e) {
                log.warn("Skipping a transaction CVE-PRO sent that could not be read: {}", e.toString());
            }
        }
        return result;
    }

    /** The body of {@code POST /api/v1/login}. */
    public String loginBody(String email, String password) {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        return mapper.writeValueAsString(body);
    }

    /** The token of a login answer. */
    public String token(String body) {
        String token = text(readTree(body, "login"), "token");
        if (token == null || token.isBlank()) {
            throw new MalformedResponseException("CVE-PRO login answered without a token");
        }
        return token;
    }

    private JsonNode readTree(String body, String what) {
        if (body == null || body.isBlank()) {
            throw new MalformedResponseException("CVE-PRO sent an empty body for " + what);
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !(root.isObject() || root.isArray())) {
                throw new MalformedResponseException("CVE-PRO sent a non-JSON-object body for " + what);
            }
            return root;
        } catch (JacksonException e) {
            throw new MalformedResponseException(
                    "CVE-PRO sent malformed JSON for " + what + ": " + e.getOriginalMessage());
        }
    }

    private static JsonNode listOf(JsonNode root, String[] names, String what) {
        if (root.isArray()) {
            return root;
        }
        for (String name : names) {
            JsonNode n = root.get(name);
            if (n != null && n.isArray()) {
                return n;
            }
        }
        String error = text(root, "error");
        if (error != null && !error.isBlank()) {
            throw new MalformedResponseException("CVE-PRO answered " + what + " with error: " + error);
        }
        // a well-formed answer with no list at all: an empty result is only trusted when count says 0
        JsonNode count = root.get("count");
        if (count != null && count.isNumber() && count.asLong() == 0) {
            return mapperEmptyArray();
        }
        throw new MalformedResponseException("CVE-PRO answered " + what + " without a list");
    }

    private static JsonNode mapperEmptyArray() {
        return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }

    private static ChargePointSnapshot chargePoint(JsonNode n) {
        String uuid = text(n, "uuid");
        if (uuid == null || uuid.isBlank()) {
            log.warn("Skipping a charge point without uuid (chargeBoxId {})", text(n, "chargeBoxId"));
            return null;
        }
        List<ConnectorSnapshot> connectors = new ArrayList<>();
        JsonNode cs = n.get("connectors");
        if (cs != null && cs.isArray()) {
            for (JsonNode c : cs.values()) {
                connectors.add(connector(c));
            }
        }
        Instant heartbeat =
                CveProTime.heartbeat(text(n, "lastHeartbeatTimestamp")).orElse(null);
        JsonNode active = n.get("active");
        return new ChargePointSnapshot(
                uuid.strip(),
                text(n, "chargeBoxId"),
                text(n, "description"),
                text(n, "chargePointVendor"),
                text(n, "chargePointModel"),
                heartbeat,
                active == null || active.isNull() || active.asBoolean(true),
                connectors);
    }

    private static ConnectorSnapshot connector(JsonNode c) {
        Long idLong = number(c, "connectorId");
        int id = idLong == null ? 1 : idLong.intValue();
        JsonNode last = c.path("lastStatus");
        String raw = text(last, "status");
        ConnectorStatus status = ConnectorStatus.fromOcpp(raw);
        if (status == ConnectorStatus.UNKNOWN && raw != null) {
            log.info("CVE-PRO reported a status VETRIC does not know: '{}'", raw);
        }
        return new ConnectorSnapshot(
                id,
                status,
                raw,
                errorCode(text(last, "errorCode")),
                errorInfo(text(last, "erroInfo")),
                CveProTime.statusTime(text(last, "timeStamp")).orElse(null),
                powerW(c.get("powerMax")));
    }

    /** OCPP's "NoError" (any case) and blanks mean no error: null. Anything else is the charger's error code. */
    static String errorCode(String raw) {
        if (raw == null || raw.isBlank() || NO_ERROR.equalsIgnoreCase(raw.strip())) {
            return null;
        }
        return raw.strip();
    }

    /** CVE-PRO repeats "NoError" in {@code erroInfo} when there is nothing to say. */
    static String errorInfo(String raw) {
        return errorCode(raw);
    }

    /** OCPP 1.6 StopTransaction reasons; anything else (a vendor's own word) is {@link EndReason#OTHER}. */
    public static EndReason stopReason(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "evdisconnected" -> EndReason.EV_DISCONNECTED;
            case "local" -> EndReason.LOCAL;
            case "remote" -> EndReason.REMOTE;
            case "powerloss" -> EndReason.POWER_LOSS;
            case "reboot" -> EndReason.REBOOT;
            case "emergencystop" -> EndReason.EMERGENCY_STOP;
            case "hardreset" -> EndReason.HARD_RESET;
            case "softreset" -> EndReason.SOFT_RESET;
            case "unlockcommand" -> EndReason.UNLOCK_COMMAND;
            case "deauthorized" -> EndReason.DE_AUTHORIZED;
            default -> {
                log.info("CVE-PRO reported a stop reason VETRIC does not know: '{}'", raw);
                yield EndReason.OTHER;
            }
        };
    }

    /** {@code powerMax} arrives in W (22000), kW (22 or 7.4) or null. */
    static Integer powerW(JsonNode p) {
        if (p == null || p.isNull()) {
            return null;
        }
        double v;
        if (p.isNumber()) {
            v = p.asDouble();
        } else if (p.isString()) {
            try {
                v = Double.parseDouble(p.asString().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (v <= 0) {
            return null;
        }
        return (int) Math.round(v < 1000 ? v * 1000 : v);
    }

    private static TransactionSnapshot transaction(JsonNode n) {
        Long id = number(n, "id");
        String uuid = text(n, "chargeBoxUuid");
        Instant start = CveProTime.transactionTime(text(n, "startTimestamp")).orElse(null);
        if (id == null || uuid == null || start == null) {
            log.warn("Skipping a transaction without id, charger uuid or start (id {})", id);
            return null;
        }
        Long connector = number(n, "connectorId");
        Instant stop = CveProTime.transactionTime(text(n, "stopTimestamp")).orElse(null);
        if (stop != null && stop.isBefore(start)) {
            log.warn("Transaction {} stops before it starts; ignoring its stop time", id);
            stop = null;
        }
        Long energy = number(n, "energy");
        if (energy != null && energy < 0) {
            energy = null;
        }
        return new TransactionSnapshot(
                id,
                uuid.strip(),
                connector == null ? 1 : connector.intValue(),
                text(n, "ocppIdTag"),
                number(n, "ocppTagPk"),
                start,
                stop,
                energy,
                number(n, "duration"),
                number(n, "idleDuration"),
                stopReason(text(n, "stopReason")));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainer()) {
            return null;
        }
        return v.asString();
    }

    static Long number(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return Math.round(v.asDouble());
        }
        if (v.isString()) {
            try {
                return Math.round(Double.parseDouble(v.asString().strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
