package br.com.vetric.cpms.internal;

import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.ConnectorSnapshot;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.EndReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

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
    /** Reads one value of a document being streamed (the rest of the document follows it). */
    private final ObjectReader oneValue =
            mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public List<ChargePointSnapshot> chargePoints(String body) {
        return list(body, "chargepoints", CHARGER_LISTS, CveProParser::chargePoint, "charge point");
    }

    public List<TransactionSnapshot> transactions(String body) {
        return list(body, "transaction", TRANSACTION_LISTS, CveProParser::transaction, "transaction");
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
        return read(body, what, p -> {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new MalformedResponseException("CVE-PRO sent a non-JSON-object body for " + what);
            }
            return oneValue.readValue(p);
        });
    }

    /**
     * The elements of a list answer (the document itself, or its first list among {@code names}), read as a stream
     * one element at a time: a tree of the whole answer would cost several times its size (about 10 MB at 10,000
     * chargers, every 10 s), where the elements' snapshots are all that is kept.
     */
    private <T> List<T> list(String body, String what, String[] names, Function<JsonNode, T> read, String element) {
        return read(body, what, p -> {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return elements(p, read, element);
            } else if (first == JsonToken.START_OBJECT) {
                return listIn(p, what, names, read, element);
            }
            throw new MalformedResponseException("CVE-PRO sent a non-JSON-object body for " + what);
        });
    }

    /** A whole answer read by {@code reader}: empty, malformed or followed by more content, it is an error. */
    private <R> R read(String body, String what, Function<JsonParser, R> reader) {
        if (body == null || body.isBlank()) {
            throw new MalformedResponseException("CVE-PRO sent an empty body for " + what);
        }
        try (JsonParser p = mapper.createParser(body)) {
            R result = reader.apply(p);
            if (p.nextToken() != null) {
                throw new MalformedResponseException("CVE-PRO sent more than one JSON value for " + what);
            }
            return result;
        } catch (JacksonException e) {
            throw new MalformedResponseException(
                    "CVE-PRO sent malformed JSON for " + what + ": " + e.getOriginalMessage());
        }
    }

    /** The list of an object answer; the parser is at its start and is left at its end. */
    private <T> List<T> listIn(JsonParser p, String what, String[] names, Function<JsonNode, T> read, String element) {
        Map<String, List<T>> lists = new HashMap<>();
        ObjectNode others = JsonNodeFactory.instance.objectNode(); // what says why there is no list
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && Arrays.asList(names).contains(name)) {
                lists.put(name, elements(p, read, element)); // a repeated name: the last one, as in a tree
            } else if (name.equals("error") || name.equals("count")) {
                others.set(name, oneValue.<JsonNode>readValue(p));
            } else {
                p.skipChildren();
            }
        }
        for (String name : names) {
            if (lists.containsKey(name)) {
                return lists.get(name);
            }
        }
        String error = text(others, "error");
        if (error != null && !error.isBlank()) {
            throw new MalformedResponseException("CVE-PRO answered " + what + " with error: " + error);
        }
        // a well-formed answer with no list at all: an empty result is only trusted when count says 0
        JsonNode count = others.get("count");
        if (count != null && count.isNumber() && count.asLong() == 0) {
            return new ArrayList<>();
        }
        throw new MalformedResponseException("CVE-PRO answered " + what + " without a list");
    }

    /** The elements of the array the parser is at, each read on its own; one that cannot be read is skipped. */
    private <T> List<T> elements(JsonParser p, Function<JsonNode, T> read, String element) {
        List<T> result = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode node = oneValue.readValue(p);
            try {
                T value = read.apply(node == null ? NullNode.getInstance() : node);
                if (value != null) {
                    result.add(value);
                }
            } catch (RuntimeException e) {
                log.warn("Skipping a {} CVE-PRO sent that could not be read: {}", element, e.toString());
            }
        }
        return result;
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
