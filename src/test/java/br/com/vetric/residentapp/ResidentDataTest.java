package br.com.vetric.residentapp;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.identity.ResidentPrincipals;
import br.com.vetric.identity.ResidentTokens;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.residents.Resident;
import br.com.vetric.support.SessionRows;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ResidentDataTest extends ResidentAppSupport {

    @Autowired
    ResidentTokens tokens;

    @Autowired
    Tariffs tariffs;

    String tokenOf(Resident r, Condominium c) {
        return tokens.issue(ResidentPrincipals.principal(r.id(), r.name(), c.id().value(), 0))
                .token();
    }

    @Test
    void theMonthCountsOnlyTheResidentsEnergyPricedAsTheStatementDoes() throws Exception {
        Condominium c = condominiums.create("Residencial do Mês " + System.nanoTime());
        tariffs.save(c.id(), Tariff.flat(new BigDecimal("2.00")), LocalDate.of(2000, 1, 1), null);
        Resident me = resident(c.id(), "Dona do Mês", newPhone());
        Resident neighbour = resident(c.id(), "Vizinho do Mês", newPhone());
        SessionRows.finished(jdbc, c.id(), 9001, "2026-03-03T20:00", "2026-03-03T22:00", 10_000, me.id(), "T1");
        SessionRows.finished(jdbc, c.id(), 9002, "2026-03-20T08:00", "2026-03-20T09:00", 2_500, me.id(), "T1");
        SessionRows.finished(jdbc, c.id(), 9003, "2026-04-02T08:00", "2026-04-02T09:00", 4_000, me.id(), "T1");
        SessionRows.finished(jdbc, c.id(), 9004, "2026-03-05T08:00", "2026-03-05T09:00", 9_999, neighbour.id(), "T2");
        String token = tokenOf(me, c);

        HttpResponse<String> month = call("GET", "/api/v1/me/consumption?month=2026-03", token, null);

        assertThat(month.statusCode()).isEqualTo(200);
        assertThat(json(month).path("energyWh").asLong()).isEqualTo(12_500);
        assertThat(json(month).path("peakWh").asLong()
                        + json(month).path("offPeakWh").asLong())
                .isEqualTo(12_500);
        assertThat(json(month).path("sessions").asInt()).isEqualTo(2);
        assertThat(json(month).path("cost").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(json(month).path("days").size()).isEqualTo(2);
        assertThat(json(month).path("days").get(0).path("date").asString()).isEqualTo("2026-03-03");

        HttpResponse<String> march = call("GET", "/api/v1/me/sessions?month=2026-03", token, null);
        assertThat(json(march).path("content").size()).isEqualTo(2);
        assertThat(json(march).path("content").get(0).path("energyWh").asLong())
                .as("newest first")
                .isEqualTo(2_500);
        assertThat(json(call("GET", "/api/v1/me/sessions", token, null))
                        .path("content")
                        .size())
                .isEqualTo(3);
        assertThat(call("GET", "/api/v1/me/consumption?month=março", token, null)
                        .body())
                .contains("month");
    }

    @Test
    void preferencesDefaultToEveryChannelAndRefuseARangeThatEndsWhereItStarts() throws Exception {
        Resident me = resident(primary(), "Preferências", newPhone());
        String token = tokenOf(me, condominiums.primary());

        HttpResponse<String> defaults = call("GET", "/api/v1/me/preferences", token, null);
        assertThat(json(defaults).path("channels").path("CHARGING_STARTED").toString())
                .isEqualTo("[\"WHATSAPP\"]");
        assertThat(json(defaults).path("quietHours").isNull()).isTrue();

        String endpoint = "http://127.0.0.1:9/push/" + me.id();
        String keys =
                "\"keys\":{\"p256dh\":\"BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM\",\"auth\":\"tBHItJI5svbpez7KI4CCXg\"}";
        assertThat(call(
                                "POST",
                                "/api/v1/me/push-subscriptions",
                                token,
                                "{\"endpoint\":\"http://push.example.com/x\"," + keys + "}")
                        .body())
                .contains("endpoint");
        assertThat(call(
                                "POST",
                                "/api/v1/me/push-subscriptions",
                                token,
                                "{\"endpoint\":\"" + endpoint + "\"," + keys + "}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(json(call("GET", "/api/v1/me/preferences", token, null))
                        .path("channels")
                        .path("BATTERY_FULL")
                        .toString())
                .isEqualTo("[\"WHATSAPP\",\"PUSH\"]");

        HttpResponse<String> saved = call(
                "PUT",
                "/api/v1/me/preferences",
                token,
                "{\"channels\":{\"CHARGING_STARTED\":[\"PUSH\"],\"IDLE_STARTED\":[]},"
                        + "\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\"}}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).path("channels").path("CHARGING_STARTED").toString())
                .isEqualTo("[\"PUSH\"]");
        assertThat(json(saved).path("channels").path("IDLE_STARTED").toString()).isEqualTo("[]");
        assertThat(json(saved).path("quietHours").path("from").asString()).isEqualTo("22:00");
        assertThat(json(saved).path("quietHours").path("to").asString()).isEqualTo("07:00");

        HttpResponse<String> same = call(
                "PUT",
                "/api/v1/me/preferences",
                token,
                "{\"channels\":{},\"quietHours\":{\"from\":\"22:00\",\"to\":\"22:00\"}}");
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("quietHours.to");
        HttpResponse<String> unknown =
                call("PUT", "/api/v1/me/preferences", token, "{\"channels\":{\"CHARGER_OFFLINE\":[\"PUSH\"]}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("channels.CHARGER_OFFLINE");
        assertThat(call("PUT", "/api/v1/me/preferences", token, "{\"channels\":{\"BATTERY_FULL\":[\"SMS\"]}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(json(call("GET", "/api/v1/me/preferences", token, null))
                        .path("quietHours")
                        .path("from")
                        .asString())
                .as("nothing half-written by the refused changes")
                .isEqualTo("22:00");

        assertThat(call("DELETE", "/api/v1/me/push-subscriptions", token, "{\"endpoint\":\"" + endpoint + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/me/push-subscriptions", token, "{\"endpoint\":\"" + endpoint + "\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theManagerSeesWhoActivatedTheAppAndTurnsAResidentsAccessOff() throws Exception {
        String phone = newPhone();
        Resident r = resident(primary(), "Acesso Desligado", phone);
        String token = signIn(phone);
        HttpResponse<String> login = call(
                "POST",
                "/api/v1/auth/login",
                null,
                "{\"email\":\"admin@vetric.test\",\"password\":\"admin-test-password\"}");
        String admin = json(login).path("token").asString();

        HttpResponse<String> list = http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/residents/app-access"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Vetric-Condominium", Long.toString(primary().value()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"residentId\":" + r.id() + ",\"enabled\":true,\"activatedAt\":\"");

        HttpResponse<String> off = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + port + "/api/v1/residents/" + r.id() + "/app-access"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Vetric-Condominium", Long.toString(primary().value()))
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(json(off).path("enabled").asBoolean()).isFalse();
        assertThat(call("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(401);
        askCode(phone);
        assertThat(textsTo(phone))
                .as("no code for a resident without app access")
                .hasSize(1);
    }
}
