package br.com.vetric.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scriptable CVE-PRO on WireMock for sync tests: the test sets chargers and transactions, then
 * {@link #publish()} serves them in CVE-PRO's real wire format (naive local heartbeat, ISO status time,
 * dd/MM/yyyy transaction times).
 */
public final class CveProFake implements AutoCloseable {

    public static final String API_KEY = "test-api-key";
    public static final String EMAIL = "vetric@test";
    public static final String PASSWORD = "s3cret-pass";
    private static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter HEARTBEAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SP);
    private static final DateTimeFormatter TX =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(SP);

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final Map<String, Charger> chargers = new LinkedHashMap<>();
    private final Map<Long, Tx> transactions = new LinkedHashMap<>();
    private int tokenCounter;

    public CveProFake() {
        server.start();
        reset();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public void reset() {
        server.resetAll();
        chargers.clear();
        transactions.clear();
        tokenCounter = 0;
        stubLogin("token-1");
        // like CVE-PRO: a token it does not know is a 401
        for (String path : new String[] {"/api/v1/chargepoints", "/api/v1/transaction"}) {
            server.stubFor(get(urlPathEqualTo(path))
                    .atPriority(10)
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withBody("{\"error\": \"Invalid AUTHORIZATION set in Header!\"}")));
        }
        publish();
    }

    public void stubLogin(String token) {
        server.stubFor(post(urlPathEqualTo("/api/v1/login"))
                .withHeader("Api-Key", equalTo(API_KEY))
                .willReturn(json("{\"token\": \"" + token + "\", \"tenantPk\": 19}")));
    }

    public Charger charger(String uuid, String description) {
        return chargers.computeIfAbsent(uuid, u -> new Charger(u, description));
    }

    public void remove(String uuid) {
        chargers.remove(uuid);
    }

    public Tx tx(long id, String chargerUuid, String tag, Instant start) {
        Tx t = new Tx(id, chargerUuid, tag, start);
        transactions.put(id, t);
        return t;
    }

    /** Serves the current chargers and transactions (authenticated with {@code token}). */
    public void publish() {
        publish("token-1");
    }

    public void publish(String token) {
        server.stubFor(
                authed(get(urlPathEqualTo("/api/v1/chargepoints")), token).willReturn(json(chargePointsJson())));
        server.stubFor(authed(get(urlPathEqualTo("/api/v1/transaction")), token).willReturn(json(transactionsJson())));
    }

    private static MappingBuilder authed(MappingBuilder b, String token) {
        return b.withHeader("Api-Key", equalTo(API_KEY)).withHeader("Authorization", equalTo(token));
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    public String chargePointsJson() {
        List<String> items = new ArrayList<>();
        for (Charger c : chargers.values()) {
            List<String> connectors = new ArrayList<>();
            for (Map.Entry<Integer, String[]> k : c.connectors.entrySet()) {
                String[] s = k.getValue();
                connectors.add("""
                        {"connectorPk": %d, "connectorId": %d, "powerMax": 22000, "connectorType": "Type 2",
                         "chargeBoxUuid": "%s", "lastStatus": {"timeStamp": %s, "status": "%s", "errorCode": "%s",
                         "erroInfo": "%s", "usage": 1, "socPercentage": null, "currentChargingUserName": null}}
                        """.formatted(
                                1000 + k.getKey(),
                                k.getKey(),
                                c.uuid,
                                s[2] == null ? "null" : "\"" + s[2] + "\"",
                                s[0],
                                s[1],
                                s[1]));
            }
            items.add("""
                    {"chargeBoxPk": 1, "chargeBoxId": "%s", "uuid": "%s", "description": "%s", "ocppProtocol": "ocpp1.6J",
                     "lastHeartbeatTimestamp": %s, "active": true, "tenantPk": 19, "connectors": [%s]}
                    """.formatted(
                            c.chargeBoxId,
                            c.uuid,
                            c.description,
                            c.heartbeat == null ? "null" : "\"" + HEARTBEAT.format(c.heartbeat) + "\"",
                            String.join(",", connectors)));
        }
        return "{\"error\": null, \"count\": " + items.size() + ", \"chargePointList\": [" + String.join(",", items)
                + "]}";
    }

    public String transactionsJson() {
        List<String> items = new ArrayList<>();
        for (Tx t : transactions.values()) {
            items.add("""
                    {"id": %d, "connectorId": %d, "chargeBoxUuid": "%s", "ocppIdTag": %s, "ocppTagPk": %s,
                     "startTimestamp": "%s", "stopTimestamp": %s, "energy": %s, "energyHumanReadable": "0,0000 kWh",
                     "duration": %s, "idleDuration": %s, "stopReason": %s, "userName": null, "cost": null}
                    """.formatted(
                            t.id,
                            t.connectorId,
                            t.chargerUuid,
                            t.tag == null ? "null" : "\"" + t.tag + "\"",
                            t.tagPk == null ? "null" : t.tagPk.toString(),
                            TX.format(t.start),
                            t.stop == null ? "null" : "\"" + TX.format(t.stop) + "\"",
                            t.energy == null ? "null" : t.energy.toString(),
                            t.duration == null ? "null" : t.duration.toString(),
                            t.idle == null ? "null" : t.idle.toString(),
                            t.stopReason == null ? "null" : "\"" + t.stopReason + "\""));
        }
        return "{\"error\": null, \"list\": [" + String.join(",", items) + "], \"count\": " + items.size() + "}";
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A charger; connector statuses are [status, errorCode, ISO status time]. */
    public static final class Charger {
        final String uuid;
        String description;
        String chargeBoxId;
        Instant heartbeat;
        final Map<Integer, String[]> connectors = new LinkedHashMap<>();

        Charger(String uuid, String description) {
            this.uuid = uuid;
            this.description = description;
            this.chargeBoxId = "BOX_" + uuid;
            status("Available", null);
        }

        public Charger status(String status, Instant at) {
            return status(1, status, "NoError", at);
        }

        public Charger status(int connector, String status, String errorCode, Instant at) {
            connectors.put(connector, new String[] {status, errorCode, at == null ? null : at.toString()});
            return this;
        }

        public Charger heartbeat(Instant at) {
            heartbeat = at;
            return this;
        }
    }

    public static final class Tx {
        final long id;
        final String chargerUuid;
        String tag;
        Long tagPk;
        int connectorId = 1;
        final Instant start;
        Instant stop;
        Long energy;
        Long duration;
        Long idle;
        String stopReason;

        Tx(long id, String chargerUuid, String tag, Instant start) {
            this.id = id;
            this.chargerUuid = chargerUuid;
            this.tag = tag;
            this.start = start;
        }

        public Tx tagPk(long pk) {
            tagPk = pk;
            return this;
        }

        public Tx energy(Long wh) {
            energy = wh;
            return this;
        }

        public Tx idle(long seconds) {
            idle = seconds;
            return this;
        }

        public Tx stop(Instant at, String reason) {
            stop = at;
            stopReason = reason;
            return this;
        }
    }
}
