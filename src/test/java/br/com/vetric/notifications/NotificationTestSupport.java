package br.com.vetric.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.MutableClock;
import br.com.vetric.sync.SyncCycle;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application (quiet simulator, MutableClock, scheduler off) pointed at a fake Evolution API (WireMock)
 * that records what it receives. Tests drive the simulator, the sync cycle, the due checks and the delivery
 * by hand. Tests share the context, so each uses its own charger and resident and leaves its charger Available.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vetric.demo.live=false",
            "vetric.notifications.scheduler-enabled=false",
            "vetric.notifications.initial-backoff=1m",
            "vetric.notifications.max-backoff=10m",
            "vetric.notifications.max-attempts=4",
            "vetric.notifications.provider=evolution",
            "vetric.notifications.evolution-api-key=test-evolution-key",
            "vetric.notifications.evolution-instance=vetric-demo",
            "vetric.notifications.manager-phones=(11) 99000-0001"
        })
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(NotificationTestSupport.Config.class)
abstract class NotificationTestSupport {

    static final String MANAGER_DIGITS = "5511990000001";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final WireMockServer EVOLUTION = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        EVOLUTION.start();
        EVOLUTION.stubFor(post(urlPathMatching("/message/sendText/.*"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"key\":{\"id\":\"BAE5F00D\"},\"status\":\"PENDING\"}")));
    }

    @DynamicPropertySource
    static void evolution(DynamicPropertyRegistry registry) {
        registry.add("vetric.notifications.evolution-url", EVOLUTION::baseUrl);
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    Clock appClock;

    @Autowired
    CveProSimulator simulator;

    @Autowired
    SyncCycle sync;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    CondominiumId condo() {
        return condominiums.primary().id();
    }

    /** Moves the application clock and the simulated world together. */
    void advance(Duration d) {
        clock.advance(d);
        simulator.advance(d);
    }

    /** One poll of the simulator, then waits for every listener, runs the due checks and delivers. */
    void cycle() {
        sync.run(condo());
        settle();
        notifications.runDueChecks();
        notifications.deliverPending();
    }

    /** Waits until the event listeners have processed everything published so far. */
    void settle() {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** Advances in steps of {@code step}, cycling after each. */
    void run(Duration total, Duration step) {
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
            advance(step);
            cycle();
        }
    }

    /** A demo resident (as VETRIC stored it) by index, with a tag of theirs. */
    Resident resident(int index) {
        String phone = br.com.vetric.simulator.DemoCondominium.load()
                .residents()
                .get(index)
                .phone();
        return residents.list(condo(), null, true, 0, 500).stream()
                .filter(r -> phone.equals(r.phone()))
                .findFirst()
                .orElseThrow();
    }

    static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }

    /** The texts the fake Evolution API received for a number (digits), in order. */
    static List<String> textsTo(String digits) {
        return requestsTo(digits).stream()
                .map(r -> JSON.readTree(r.getBodyAsString()).path("text").asString())
                .toList();
    }

    static List<LoggedRequest> requestsTo(String digits) {
        List<LoggedRequest> list =
                new java.util.ArrayList<>(EVOLUTION.findAll(postRequestedFor(urlPathMatching("/message/sendText/.*"))
                        .withRequestBody(matchingJsonPath(
                                "$.number", com.github.tomakehurst.wiremock.client.WireMock.equalTo(digits)))));
        list.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return list;
    }

    /** Kinds of the outbox rows of a session, in insertion order. */
    List<String> kindsOfSession(long sessionId) {
        return jdbc.sql(
                        "select kind from notification_outbox where condominium_id = :c and session_id = :s and recipient like 'resident:%' order by id")
                .param("c", condo().value())
                .param("s", sessionId)
                .query(String.class)
                .list();
    }

    long lastSessionId(String chargerName) {
        return jdbc.sql("select max(id) from charging_session where condominium_id = :c and charger_name = :n")
                .param("c", condo().value())
                .param("n", chargerName)
                .query(Long.class)
                .single();
    }

    Map<String, Object> outboxRow(long sessionId, String kind) {
        return jdbc.sql(
                        "select status, attempts, last_error, last_status_code, last_reason, provider from notification_outbox where condominium_id = :c and session_id = :s and kind = :k")
                .param("c", condo().value())
                .param("s", sessionId)
                .param("k", kind)
                .query()
                .singleRow();
    }

    static JsonNode body(LoggedRequest r) {
        return JSON.readTree(r.getBodyAsString());
    }
}
