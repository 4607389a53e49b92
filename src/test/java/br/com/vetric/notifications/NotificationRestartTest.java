package br.com.vetric.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.VetricApplication;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.CveProFake;
import br.com.vetric.sync.SyncCycle;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A true restart: one application enqueues (and partly sends) messages and is closed; a second one on the same
 * database, with its scheduler on, delivers what was pending exactly once and never re-sends what was SENT.
 */
class NotificationRestartTest {

    static final CveProFake cve = new CveProFake();
    static final WireMockServer evolution = new WireMockServer(wireMockConfig().dynamicPort());
    static final String MARIA = "5511970001001";
    static final String JOAO = "5511970001002";
    static final String MANAGER = "5511990000001";

    static {
        evolution.start();
        evolution.stubFor(post(urlPathMatching("/message/sendText/.*"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"key\":{\"id\":\"BAE5F00D\"},\"status\":\"PENDING\"}")));
    }

    @AfterAll
    static void stop() {
        cve.close();
        evolution.stop();
    }

    private static ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(Map.of(
                "spring.profiles.active",
                "test",
                "server.port",
                "0",
                "vetric.cpms.url",
                cve.baseUrl(),
                "vetric.cpms.api-key",
                CveProFake.API_KEY,
                "vetric.cpms.email",
                CveProFake.EMAIL,
                "vetric.cpms.password",
                CveProFake.PASSWORD));
        props.putAll(Map.of(
                "vetric.notifications.provider", "evolution",
                "vetric.notifications.evolution-url", evolution.baseUrl(),
                "vetric.notifications.evolution-api-key", "test-evolution-key",
                "vetric.notifications.evolution-instance", "vetric-demo",
                "vetric.notifications.manager-phones", "(11) 99000-0001",
                "vetric.notifications.tick", "500ms"));
        props.putAll(extra);
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(VetricApplication.class).run(args);
    }

    private static int requestsTo(String digits) {
        return evolution
                .findAll(postRequestedFor(urlPathMatching("/message/sendText/.*"))
                        .withRequestBody(matchingJsonPath("$.number", equalTo(digits))))
                .size();
    }

    private static void settle(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private static Map<String, String> statusByKind(JdbcClient jdbc) {
        Map<String, String> result = new HashMap<>();
        jdbc.sql("select kind, recipient, status from notification_outbox")
                .query()
                .listOfRows()
                .forEach(row -> result.put(row.get("kind") + "/" + row.get("recipient"), (String) row.get("status")));
        return result;
    }

    @Test
    void messagesPendingAtShutdownAreDeliveredOnceByTheNextProcessAndSentOnesNeverAgain() {
        Instant now = Instant.now();
        String jdbcUrl;
        try (ConfigurableApplicationContext first = start(Map.of("vetric.notifications.scheduler-enabled", "false"))) {
            CondominiumId condo = first.getBean(Condominiums.class).primary().id();
            Residents residents = first.getBean(Residents.class);
            Notifications notifications = first.getBean(Notifications.class);
            SyncCycle sync = first.getBean(SyncCycle.class);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            residents.create(
                    condo,
                    new ResidentCommand(
                            "Maria Restart", "Apto 11", null, "(11) 97000-1001", List.of("AA000001"), true));
            residents.create(
                    condo,
                    new ResidentCommand("João Restart", "Apto 12", null, "(11) 97000-1002", List.of("AA000002"), true));
            notifications.updateTemplate(condo, NotificationKind.CHARGING_STARTED, new TemplateUpdate(null, null, 0));

            // Maria's start is enqueued and sent before the shutdown
            cve.charger("r1", "Garagem R1").heartbeat(now).status("Charging", now.minusSeconds(60));
            cve.tx(9101, "r1", "AA000001", now.minusSeconds(60)).energy(500L);
            cve.charger("r2", "Garagem R2").heartbeat(now).status("Available", now.minusSeconds(600));
            cve.charger("r3", "Garagem R3").heartbeat(now).status("Available", now.minusSeconds(600));
            cve.publish();
            sync.run(condo);
            settle(jdbc);
            notifications.runDueChecks();
            notifications.deliverPending();
            assertThat(requestsTo(MARIA)).isEqualTo(1);

            // João's start and a fault alert are enqueued, but the process stops before delivering them
            cve.charger("r2", "Garagem R2").heartbeat(now).status("Charging", now.minusSeconds(30));
            cve.tx(9102, "r2", "AA000002", now.minusSeconds(30)).energy(100L);
            cve.charger("r3", "Garagem R3").heartbeat(now).status(1, "Faulted", "GroundFailure", now.minusSeconds(20));
            cve.publish();
            sync.run(condo);
            settle(jdbc);
            notifications.runDueChecks();
            Map<String, String> before = statusByKind(jdbc);
            assertThat(before.values()).containsExactlyInAnyOrder("SENT", "PENDING", "PENDING");
            assertThat(before).containsEntry("CHARGER_FAULTED/manager:+" + MANAGER, "PENDING");
            assertThat(jdbc.sql("select count(*) from notification_outbox where status = 'PENDING'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2L);
            jdbcUrl = ((HikariDataSource) first.getBean(javax.sql.DataSource.class)).getJdbcUrl();
        } // the process is gone

        assertThat(requestsTo(JOAO)).isZero();
        assertThat(requestsTo(MANAGER)).isZero();

        try (ConfigurableApplicationContext second = start(Map.of(
                "vetric.db.url",
                jdbcUrl,
                "vetric.db.username",
                "postgres",
                "vetric.db.embedded-ephemeral",
                "false",
                "vetric.notifications.scheduler-enabled",
                "true"))) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> requestsTo(JOAO) >= 1 && requestsTo(MANAGER) >= 1);
            // many scheduler ticks later, and after a poll of the unchanged world, still once each
            second.getBean(SyncCycle.class)
                    .run(second.getBean(Condominiums.class).primary().id());
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql(
                                            "select count(*) from notification_outbox where status in ('PENDING', 'IN_FLIGHT')")
                                    .query(Long.class)
                                    .single()
                            == 0);
            assertThat(requestsTo(JOAO)).isEqualTo(1);
            assertThat(requestsTo(MANAGER)).isEqualTo(1);
            assertThat(requestsTo(MARIA)).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from notification_outbox")
                            .query(Long.class)
                            .single())
                    .isEqualTo(3L);
            assertThat(jdbc.sql("select count(*) from notification_outbox where status = 'SENT' and attempts = 1")
                            .query(Long.class)
                            .single())
                    .isEqualTo(3L);
        }
    }

    @Test
    void aStartNoticeThatCameDueWhileVetricWasStoppedIsSkippedWithTheReasonNotSent() {
        Instant now = Instant.now();
        String jdbcUrl;
        try (ConfigurableApplicationContext first = start(Map.of("vetric.notifications.scheduler-enabled", "false"))) {
            CondominiumId condo = first.getBean(Condominiums.class).primary().id();
            Residents residents = first.getBean(Residents.class);
            residents.create(
                    condo,
                    new ResidentCommand("Ana Antiga", "Apto 21", null, "(11) 97000-2001", List.of("BB000001"), true));
            residents.create(
                    condo,
                    new ResidentCommand("Bia Recente", "Apto 22", null, "(11) 97000-2002", List.of("BB000002"), true));
            first.getBean(Notifications.class)
                    .updateTemplate(condo, NotificationKind.CHARGING_STARTED, new TemplateUpdate(null, null, 0));
            jdbcUrl = ((HikariDataSource) first.getBean(javax.sql.DataSource.class)).getJdbcUrl();
        } // VETRIC is stopped; meanwhile Ana started charging 40 minutes ago and Bia just now

        cve.charger("r4", "Garagem R4").heartbeat(now).status("Charging", now.minus(Duration.ofMinutes(40)));
        cve.tx(9201, "r4", "BB000001", now.minus(Duration.ofMinutes(40))).energy(4_000L);
        cve.charger("r5", "Garagem R5").heartbeat(now).status("Charging", now.minusSeconds(30));
        cve.tx(9202, "r5", "BB000002", now.minusSeconds(30)).energy(50L);
        cve.publish();

        try (ConfigurableApplicationContext second = start(Map.of(
                "vetric.db.url",
                jdbcUrl,
                "vetric.db.username",
                "postgres",
                "vetric.db.embedded-ephemeral",
                "false",
                "vetric.notifications.scheduler-enabled",
                "false"))) {
            CondominiumId condo = second.getBean(Condominiums.class).primary().id();
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Notifications notifications = second.getBean(Notifications.class);
            second.getBean(SyncCycle.class).run(condo);
            settle(jdbc);
            notifications.runDueChecks();
            notifications.deliverPending();

            Map<String, Object> ana = jdbc.sql("select status, last_error from notification_outbox"
                            + " where kind = 'CHARGING_STARTED' and resident_name = 'Ana Antiga'")
                    .query()
                    .singleRow();
            assertThat(ana.get("status")).isEqualTo("SKIPPED");
            assertThat((String) ana.get("last_error"))
                    .startsWith("aviso atrasado: o carregamento começou em ")
                    .contains("VETRIC parado ou sem comunicação");
            assertThat(requestsTo("5511970002001")).as("nothing reached Ana").isZero();
            assertThat(requestsTo("5511970002002"))
                    .as("Bia's fresh start is told")
                    .isEqualTo(1);
        }
    }
}
