package br.com.vetric.cpms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.cpms.internal.CveProParser;
import br.com.vetric.cpms.internal.MalformedResponseException;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CveProParserTest {

    private final CveProParser parser = new CveProParser();

    /** Shape captured from production (trimmed), with fields VETRIC does not know. */
    private static final String CHARGEPOINTS = """
            {"error": null, "count": 1, "somethingNew": {"x": 1}, "chargePointList": [{
              "chargeBoxPk": 1237, "chargeBoxId": "MOVE_LAB_01", "uuid": "dd5db20e-1",
              "description": "Garagem 1", "ocppProtocol": "ocpp1.6J", "chargePointVendor": "movE",
              "chargePointModel": "M1", "fwVersion": "1.0", "lastHeartbeatTimestamp": "2026-01-09 00:58:03",
              "active": true, "tenantPk": 19, "monthConsumption": 32420,
              "address": {"street": "x", "state": "SC"},
              "speedCount": {"nrSlowTotal": 1},
              "connectors": [{
                "connectorPk": 628827, "connectorId": 1, "powerMax": 22000, "connectorType": "Type 2",
                "chargeBoxUuid": "dd5db20e-1",
                "lastStatus": {"timeStamp": "2026-01-09T03:45:15.989Z", "status": "Available",
                  "errorCode": "NoError", "erroInfo": "NoError", "usage": 57, "socPercentage": null,
                  "currentChargingUserName": "Fulano"}
              }]
            }]}
            """;

    @Test
    void readsAChargePointIgnoringUnknownFields() {
        List<ChargePointSnapshot> cps = parser.chargePoints(CHARGEPOINTS);
        assertThat(cps).hasSize(1);
        ChargePointSnapshot cp = cps.getFirst();
        assertThat(cp.uuid()).isEqualTo("dd5db20e-1");
        assertThat(cp.displayName()).isEqualTo("Garagem 1");
        assertThat(cp.lastHeartbeatAt()).isEqualTo(Instant.parse("2026-01-09T03:58:03Z"));
        ConnectorSnapshot c = cp.connectors().getFirst();
        assertThat(c.status()).isEqualTo(ConnectorStatus.AVAILABLE);
        assertThat(c.statusAt()).isEqualTo(Instant.parse("2026-01-09T03:45:15.989Z"));
        assertThat(c.powerMaxW()).isEqualTo(22000);
        assertThat(c.hasError()).isFalse();
    }

    @Test
    void unknownStatusBecomesUnknownAndOccupiedIsKnown() {
        String json = CHARGEPOINTS.replace("\"Available\"", "\"Hibernating\"");
        assertThat(parser.chargePoints(json).getFirst().connectors().getFirst().status())
                .isEqualTo(ConnectorStatus.UNKNOWN);
        assertThat(parser.chargePoints(json).getFirst().connectors().getFirst().rawStatus())
                .isEqualTo("Hibernating");
        json = CHARGEPOINTS.replace("\"Available\"", "\"Occupied\"");
        assertThat(parser.chargePoints(json).getFirst().connectors().getFirst().status())
                .isEqualTo(ConnectorStatus.OCCUPIED);
    }

    @Test
    void everyOcppStatusIsRecognised() {
        for (ConnectorStatus s : ConnectorStatus.values()) {
            if (s == ConnectorStatus.UNKNOWN) {
                continue;
            }
            String json = CHARGEPOINTS.replace("\"Available\"", "\"" + s.ocpp() + "\"");
            assertThat(parser.chargePoints(json)
                            .getFirst()
                            .connectors()
                            .getFirst()
                            .status())
                    .isEqualTo(s);
        }
    }

    @Test
    void errorCodeOtherThanNoErrorIsAnError() {
        String json = CHARGEPOINTS.replace("\"errorCode\": \"NoError\"", "\"errorCode\": \"GroundFailure\"");
        assertThat(parser.chargePoints(json).getFirst().connectors().getFirst().hasError())
                .isTrue();
        assertThat(parser.chargePoints(json).getFirst().connectors().getFirst().errorCode())
                .isEqualTo("GroundFailure");
    }

    @Test
    void noErrorInAnyCaseMeansNoErrorAtAll() {
        assertThat(parser.chargePoints(CHARGEPOINTS)
                        .getFirst()
                        .connectors()
                        .getFirst()
                        .errorCode())
                .isNull();
        assertThat(parser.chargePoints(CHARGEPOINTS)
                        .getFirst()
                        .connectors()
                        .getFirst()
                        .errorInfo())
                .isNull();
        String lower = CHARGEPOINTS.replace("\"errorCode\": \"NoError\"", "\"errorCode\": \" noerror \"");
        assertThat(parser.chargePoints(lower).getFirst().connectors().getFirst().hasError())
                .isFalse();
    }

    @Test
    void stopReasonsBecomeVetricsEndReasonsAndUnknownOnesOther() {
        assertThat(CveProParser.stopReason("EVDisconnected")).isEqualTo(br.com.vetric.shared.EndReason.EV_DISCONNECTED);
        assertThat(CveProParser.stopReason("powerloss")).isEqualTo(br.com.vetric.shared.EndReason.POWER_LOSS);
        assertThat(CveProParser.stopReason("DeAuthorized")).isEqualTo(br.com.vetric.shared.EndReason.DE_AUTHORIZED);
        assertThat(CveProParser.stopReason("VendorSpecificThing")).isEqualTo(br.com.vetric.shared.EndReason.OTHER);
        assertThat(CveProParser.stopReason(" ")).isNull();
    }

    @Test
    void powerMaxInKilowattsOrMissingIsNormalised() {
        assertThat(parser.chargePoints(CHARGEPOINTS.replace("22000", "7.4"))
                        .getFirst()
                        .connectors()
                        .getFirst()
                        .powerMaxW())
                .isEqualTo(7400);
        assertThat(parser.chargePoints(CHARGEPOINTS.replace("22000", "22"))
                        .getFirst()
                        .connectors()
                        .getFirst()
                        .powerMaxW())
                .isEqualTo(22000);
        assertThat(parser.chargePoints(CHARGEPOINTS.replace("22000", "null"))
                        .getFirst()
                        .connectors()
                        .getFirst()
                        .powerMaxW())
                .isNull();
    }

    @Test
    void acceptsEveryKnownListWrapper() {
        String element = "{\"uuid\": \"u1\", \"connectors\": []}";
        for (String wrapper : List.of("chargePointList", "list", "items", "results", "data")) {
            assertThat(parser.chargePoints("{\"" + wrapper + "\": [" + element + "]}"))
                    .hasSize(1);
        }
        String tx = "{\"id\": 1, \"chargeBoxUuid\": \"u1\", \"startTimestamp\": \"12/01/2026 19:29:33\"}";
        for (String wrapper : List.of("list", "items", "results", "data")) {
            assertThat(parser.transactions("{\"" + wrapper + "\": [" + tx + "]}"))
                    .hasSize(1);
        }
    }

    @Test
    void theListIsFoundAmongOtherFieldsInAnyOrderAndTheFirstKnownWrapperWins() {
        String element = "{\"uuid\": \"%s\", \"connectors\": []}";
        String body = "{\"meta\": {\"list\": [1, 2]}, \"data\": [" + element.formatted("from-data") + "],"
                + " \"chargePointList\": [" + element.formatted("u1") + ", null, 7, " + element.formatted("u2") + "],"
                + " \"count\": 2, \"trailer\": [{\"uuid\": \"no\"}]}";
        assertThat(parser.chargePoints(body))
                .extracting(ChargePointSnapshot::uuid)
                .containsExactly("u1", "u2");
        assertThat(parser.chargePoints("[" + element.formatted("bare") + "]"))
                .extracting(ChargePointSnapshot::uuid)
                .containsExactly("bare");
    }

    @Test
    void contentAfterTheDocumentIsMalformed() {
        assertThatThrownBy(() -> parser.chargePoints("{\"chargePointList\": []} {\"chargePointList\": []}"))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> parser.transactions("{\"list\": [], \"count\": 0"))
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void aChargerWithoutUuidIsSkippedNotFatal() {
        assertThat(parser.chargePoints("{\"chargePointList\": [{\"chargeBoxId\": \"X\"}, {\"uuid\": \"u2\"}]}"))
                .extracting(ChargePointSnapshot::uuid)
                .containsExactly("u2");
    }

    @Test
    void malformedOrListlessBodiesAreErrors() {
        assertThatThrownBy(() -> parser.chargePoints("{\"chargePointList\": [{\"uuid\": "))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> parser.chargePoints("")).isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> parser.transactions("{\"error\": \"E500 - boom\"}"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("E500");
        assertThatThrownBy(() -> parser.transactions("<html>502 Bad Gateway</html>"))
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void emptyListWithCountZeroIsAnEmptyAnswer() {
        assertThat(parser.transactions("{\"error\": null, \"count\": 0}")).isEmpty();
        assertThat(parser.transactions("{\"error\": null, \"list\": [], \"count\": 0}"))
                .isEmpty();
    }

    @Test
    void readsATransactionWithEnergyInWhNeverTheHumanReadableText() {
        String json = """
                {"error": null, "list": [{"id": 432108, "connectorId": 1, "chargeBoxUuid": "dd5db20e-1",
                  "ocppIdTag": "87ba5c4e", "ocppTagPk": 4266890, "startTimestamp": "12/01/2026 19:29:33",
                  "stopTimestamp": "13/01/2026 00:33:09", "energy": 20820, "energyHumanReadable": "99,9999 kWh",
                  "duration": 18216, "idleDuration": 600, "stopReason": "EVDisconnected", "cost": null}], "count": 1}
                """;
        TransactionSnapshot tx = parser.transactions(json).getFirst();
        assertThat(tx.id()).isEqualTo(432108);
        assertThat(tx.idTag()).isEqualTo("87ba5c4e");
        assertThat(tx.tagPk()).isEqualTo(4266890L);
        assertThat(tx.startedAt()).isEqualTo(Instant.parse("2026-01-12T22:29:33Z"));
        assertThat(tx.stoppedAt()).isEqualTo(Instant.parse("2026-01-13T03:33:09Z"));
        assertThat(tx.energyWh()).isEqualTo(20820L);
        assertThat(tx.durationSeconds()).isEqualTo(18216L);
        assertThat(tx.idleDurationSeconds()).isEqualTo(600L);
        assertThat(tx.stopReason()).isEqualTo(br.com.vetric.shared.EndReason.EV_DISCONNECTED);
        assertThat(tx.running()).isFalse();
    }

    @Test
    void runningTransactionHasNullStopAndMayHaveNullEnergy() {
        String json = """
                {"items": [{"id": 7, "chargeBoxUuid": "u", "ocppIdTag": "", "ocppTagPk": 99,
                  "startTimestamp": "12/01/2026 19:29:33", "stopTimestamp": null, "energy": null}]}
                """;
        TransactionSnapshot tx = parser.transactions(json).getFirst();
        assertThat(tx.running()).isTrue();
        assertThat(tx.energyWh()).isNull();
        assertThat(tx.idTag()).isEmpty();
        assertThat(tx.connectorId()).isEqualTo(1);
    }

    @Test
    void loginBodyEscapesCredentials() {
        assertThat(parser.loginBody("a@b.c", "p\"w\\d"))
                .isEqualTo("{\"email\":\"a@b.c\",\"password\":\"p\\\"w\\\\d\"}");
        assertThat(parser.token("{\"token\": \"abc\", \"tenantPk\": 19}")).isEqualTo("abc");
        assertThatThrownBy(() -> parser.token("{\"token\": \"\"}")).isInstanceOf(MalformedResponseException.class);
    }
}
