package br.com.vetric.simulator;

import br.com.vetric.simulator.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Minimal CVE-PRO client used by the tests (real HTTP). */
final class SimClient {
    final CveProSimulator sim;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String token;

    SimClient(CveProSimulator sim) {
        this.sim = sim;
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    HttpResponse<String> login(String apiKey, String email, String password) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/login"))
                .header("Api-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
    }

    SimClient login() {
        HttpResponse<String> r =
                login(SimulatorConfig.DEFAULT_API_KEY, SimulatorConfig.DEFAULT_EMAIL, SimulatorConfig.DEFAULT_PASSWORD);
        if (r.statusCode() != 200) throw new IllegalStateException("login failed: " + r.body());
        token = json(r.body()).path("token").asString();
        return this;
    }

    HttpRequest.Builder authed(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .header("Api-Key", SimulatorConfig.DEFAULT_API_KEY)
                .header("Authorization", token);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(authed(pathAndQuery).GET());
    }

    JsonNode chargepoints() {
        HttpResponse<String> r = get("/api/v1/chargepoints");
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
        return json(r.body());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> transactionsRaw(String from, String to) {
        return get("/api/v1/transaction?fromDate=" + q(from) + "&toDate=" + q(to));
    }

    JsonNode transactions(String from, String to) {
        HttpResponse<String> r = transactionsRaw(from, to);
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
        return json(r.body());
    }

    /** Wide window around the test start date. */
    JsonNode allTransactions() {
        return transactions("2026-01-01 00:00:00", "2026-12-31 00:00:00");
    }

    HttpResponse<String> control(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_control/" + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    static JsonNode json(String s) {
        return Json.MAPPER.readTree(s);
    }

    static JsonNode byDescription(JsonNode chargepoints, String description) {
        for (JsonNode c : chargepoints.path("chargePointList")) {
            if (c.path("description").asString().equals(description)) return c;
        }
        throw new AssertionError("no charger " + description);
    }

    static JsonNode txById(JsonNode txs, long id) {
        for (JsonNode t : txs.path("list")) if (t.path("id").asLong() == id) return t;
        return null;
    }
}
