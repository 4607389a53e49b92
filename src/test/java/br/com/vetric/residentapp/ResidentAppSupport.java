package br.com.vetric.residentapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application on the real clock with every condominium's WhatsApp going to a fake Evolution API (WireMock), driven
 * over real HTTP. Each test plays its own client address (127.0.0.1 is a trusted proxy, so {@code X-Forwarded-For}
 * counts) and its own residents, with phones no other test uses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vetric.demo.live=false",
            "vetric.notifications.scheduler-enabled=false",
            "vetric.notifications.provider=evolution",
            "vetric.notifications.evolution-api-key=test-evolution-key",
            "vetric.notifications.evolution-instance=vetric-demo",
            "vetric.resident-app.requests-per-source=6",
            "vetric.resident-app.attempts-per-source=12",
            "vetric.resident-app.push-allow-insecure=true",
            "server.tomcat.remoteip.internal-proxies=127.0.0.1/32"
        })
@ActiveProfiles("test")
abstract class ResidentAppSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final WireMockServer EVOLUTION = new WireMockServer(wireMockConfig().dynamicPort());
    private static final AtomicInteger NEXT = new AtomicInteger(1000);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    static {
        EVOLUTION.start();
        EVOLUTION.stubFor(post(urlPathMatching("/message/sendText/.*"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"key\":{\"id\":\"BAE5F00D\"},\"status\":\"PENDING\"}")));
    }

    @DynamicPropertySource
    static void evolution(DynamicPropertyRegistry registry) {
        registry.add("vetric.notifications.evolution-url", EVOLUTION::baseUrl);
    }

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    /** This test's client address. */
    final String source = "10.20." + (NEXT.get() / 250) + "." + (NEXT.getAndIncrement() % 250 + 1);

    CondominiumId primary() {
        return condominiums.primary().id();
    }

    /** A fresh mobile number, "(11) 9xxxx-xxxx", that no other test uses. */
    static String newPhone() {
        return "(11) 97" + "%03d".formatted(NEXT.getAndIncrement() % 1000) + "-"
                + "%04d".formatted((int) (System.nanoTime() % 10000));
    }

    static String digits(String phone) {
        return "55" + phone.replaceAll("\\D", "");
    }

    Resident resident(CondominiumId condo, String name, String phone) {
        return residents.create(condo, new ResidentCommand(name, "101", null, phone, List.of(), true));
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", source)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> askCode(String phone) throws Exception {
        return call("POST", "/api/v1/resident-auth/code", null, "{\"phone\":\"" + phone + "\"}");
    }

    HttpResponse<String> trade(String phone, String code, Long condominiumId) throws Exception {
        return call(
                "POST",
                "/api/v1/resident-auth/token",
                null,
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\""
                        + (condominiumId == null ? "" : ",\"condominiumId\":" + condominiumId) + "}");
    }

    /** The texts the fake gateway received for a phone, oldest first. */
    static List<String> textsTo(String phone) {
        List<LoggedRequest> list =
                new java.util.ArrayList<>(EVOLUTION.findAll(postRequestedFor(urlPathMatching("/message/sendText/.*"))
                        .withRequestBody(matchingJsonPath("$.number", equalTo(digits(phone))))));
        list.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return list.stream()
                .map(r -> JSON.readTree(r.getBodyAsString()).path("text").asString())
                .toList();
    }

    /** Waits for the {@code n}-th message to the phone and reads the code in it. */
    static String codeSentTo(String phone, int n) {
        await().atMost(Duration.ofSeconds(15)).until(() -> textsTo(phone).size() >= n);
        Matcher m = CODE.matcher(textsTo(phone).get(n - 1));
        if (!m.find()) {
            throw new AssertionError("no code in the message");
        }
        return m.group(1);
    }

    /** Signs in by code (the phone's first code) and returns the token. */
    String signIn(String phone) throws Exception {
        int before = textsTo(phone).size();
        askCode(phone);
        HttpResponse<String> r = trade(phone, codeSentTo(phone, before + 1), null);
        if (r.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        return json(r).path("token").asString();
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }
}
