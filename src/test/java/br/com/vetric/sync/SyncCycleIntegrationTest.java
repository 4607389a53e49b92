package br.com.vetric.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.chargers.ChargerEvents;
import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.TestDatabases;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.SessionEvents;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.sessions.UnidentifiedReason;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.EndReason;
import br.com.vetric.support.ClockTestConfig;
import br.com.vetric.support.CveProFake;
import br.com.vetric.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The sync cycle against a scripted CVE-PRO over real HTTP and a real PostgreSQL: each test is a timeline of
 * polls, checking what the session record looks like after each.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ClockTestConfig.class)
@RecordApplicationEvents
class SyncCycleIntegrationTest {

    static final CveProFake cve = new CveProFake();
    static final String C1 = "charger-1";
    static final String C2 = "charger-2";
    static final Instant T0 = ClockTestConfig.START; // 12:00 São Paulo

    @DynamicPropertySource
    static void cveProps(DynamicPropertyRegistry r) {
        r.add("vetric.cpms.url", cve::baseUrl);
        r.add("vetric.cpms.api-key", () -> CveProFake.API_KEY);
        r.add("vetric.cpms.email", () -> CveProFake.EMAIL);
        r.add("vetric.cpms.password", () -> CveProFake.PASSWORD);
    }

    @AfterAll
    static void stop() {
        cve.close();
    }

    @Autowired
    SyncCycle sync;

    @Autowired
    SyncMonitor monitor;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Sessions sessions;

    @Autowired
    Chargers chargers;

    @Autowired
    Residents residents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    CondominiumId condo;
    Resident maria;

    @BeforeEach
    void setUp() {
        cve.reset();
        // the previous test's event listeners run on other threads: let them finish before the tables go (a truncate
        // beside a running listener deadlocks); a publication that failed for good does not hold the test up
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                    .query(Long.class)
                                    .single()
                            == 0);
        } catch (org.awaitility.core.ConditionTimeoutException stillOpen) {
            // truncated below all the same
        }
        TestDatabases.owner(dataSource)
                .sql("truncate charging_session, charger_status_history, charger_connector, charger, tag_pk_mapping, "
                        + "resident_tag, resident, sync_cycle, event_publication restart identity cascade")
                .update();
        clock.set(T0);
        condo = condominiums.primary().id();
        maria = residents.create(
                condo,
                new ResidentCommand(
                        "Maria Souza",
                        "Apto 101",
                        "Torre A",
                        "(11) 98765-4321",
                        List.of("AB12CD34", "77aa88bb"),
                        true));
        cve.charger(C1, "Garagem 1").heartbeat(T0);
        cve.charger(C2, "Garagem 2").heartbeat(T0);
        cve.publish();
    }

    /** Advances both clocks' "now" and polls once. */
    CycleOutcome poll(Duration advance) {
        clock.advance(advance);
        cve.charger(C1, "Garagem 1").heartbeat(clock.instant());
        cve.charger(C2, "Garagem 2").heartbeat(clock.instant());
        cve.publish();
        return sync.run(condo);
    }

    /** The session events of the recorded batches, flattened (a poll publishes its events as one batch). */
    <T extends SessionEvents.SessionEvent> java.util.stream.Stream<T> sessionEvents(Class<T> type) {
        return events.stream(SessionEvents.SessionsChanged.class).flatMap(b -> b.of(type).stream());
    }

    <T extends ChargerEvents.ChargerEvent> java.util.stream.Stream<T> chargerEvents(Class<T> type) {
        return events.stream(ChargerEvents.ChargersChanged.class).flatMap(b -> b.of(type).stream());
    }

    List<ChargingSession> all() {
        return sessions.search(condo, SessionFilter.none(), 0, 100).content();
    }

    ChargingSession only() {
        List<ChargingSession> all = all();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    @Test
    void recordsANormalSessionWithTheChargersTimesEnergyAndEndReason() {
        Instant start = T0.plusSeconds(5);
        cve.charger(C1, "Garagem 1").status("Charging", start.plusSeconds(2));
        cve.tx(500, C1, "AB12CD34", start).energy(1200L);
        assertThat(poll(Duration.ofSeconds(10)).success()).isTrue();

        ChargingSession s = only();
        assertThat(s.status()).isEqualTo(SessionStatus.CHARGING);
        assertThat(s.externalTransactionId()).isEqualTo(500L);
        assertThat(s.startedAt()).isEqualTo(start);
        assertThat(s.residentId()).isEqualTo(maria.id());
        assertThat(s.apartment()).isEqualTo("101 · Torre A"); // the unit as people see it (Unit.label)

        cve.charger(C1, "Garagem 1").status("SuspendedEV", T0.plusSeconds(3600));
        poll(Duration.ofHours(1));
        assertThat(only().status()).isEqualTo(SessionStatus.SUSPENDED);
        assertThat(only().idleSince()).isEqualTo(T0.plusSeconds(3600));

        Instant stop = T0.plusSeconds(2 * 3600 + 17);
        cve.tx(500, C1, "AB12CD34", start).energy(20820L).stop(stop, "EVDisconnected");
        cve.charger(C1, "Garagem 1").status("Finishing", stop);
        poll(Duration.ofHours(1)); // the poll happens well after the charger stopped
        cve.charger(C1, "Garagem 1").status("Available", stop.plusSeconds(90));
        poll(Duration.ofSeconds(10));

        s = only();
        assertThat(s.status()).isEqualTo(SessionStatus.FINISHED);
        assertThat(s.endedAt()).isEqualTo(stop);
        assertThat(s.energyWh()).isEqualTo(20820);
        assertThat(s.endReason()).isEqualTo(EndReason.EV_DISCONNECTED);
        assertThat(sessionEvents(SessionEvents.SessionStarted.class)).hasSize(1);
        assertThat(sessionEvents(SessionEvents.SessionFinished.class))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.lastStatus()).isEqualTo(SessionStatus.SUSPENDED);
                    assertThat(f.hadIdle()).isTrue();
                    assertThat(f.energyWh()).isEqualTo(20820);
                });
    }

    @Test
    void identifiesATagSentInAnotherLetterCaseWithSpaces() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(501, C1, " ab12cd34 ", T0);
        poll(Duration.ofSeconds(10));
        assertThat(only().residentId()).isEqualTo(maria.id());
        assertThat(only().idTag()).isEqualTo("AB12CD34");
    }

    @Test
    void resolvesAnEmptyIdTagThroughTheTagPkLearnedFromOtherTransactions() {
        cve.tx(400, C2, "77AA88BB", T0.minusSeconds(86_400))
                .tagPk(4266890)
                .energy(5000L)
                .stop(T0.minusSeconds(80_000), "Local");
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(502, C1, "", T0).tagPk(4266890);
        poll(Duration.ofSeconds(10));
        ChargingSession running = sessions.search(
                        condo, new SessionFilter(SessionStatus.CHARGING, null, null, null, null, null, null), 0, 10)
                .content()
                .getFirst();
        assertThat(running.idTag()).isEqualTo("77AA88BB");
        assertThat(running.residentId()).isEqualTo(maria.id());
    }

    @Test
    void anUnknownTagGivesAnUnidentifiedSessionThatIsAttachedWhenTheTagIsRegistered() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(503, C1, "DEADBEEF", T0);
        poll(Duration.ofSeconds(10));
        ChargingSession s = only();
        assertThat(s.residentId()).isNull();
        assertThat(s.unidentifiedReason()).isEqualTo(UnidentifiedReason.TAG_NOT_REGISTERED);
        assertThat(s.idTag()).isEqualTo("DEADBEEF");
        assertThat(sessions.unknownTags(condo))
                .extracting(Sessions.UnknownTag::tag)
                .containsExactly("DEADBEEF");

        residents.assignTag(condo, maria.id(), "deadbeef");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(only().residentId()).isEqualTo(maria.id()));
        assertThat(only().unidentifiedReason()).isNull();
        assertThat(sessions.unknownTags(condo)).isEmpty();
        await().untilAsserted(() ->
                assertThat(sessionEvents(SessionEvents.SessionIdentified.class)).hasSize(1));
    }

    @Test
    void aSessionRunningAcrossMidnightIsNotClosedAtMidnight() {
        clock.set(Instant.parse("2026-01-13T02:00:00Z")); // 23:00 in São Paulo
        Instant start = Instant.parse("2026-01-13T02:30:00Z"); // 23:30 local
        cve.charger(C1, "Garagem 1").status("Charging", start);
        cve.tx(504, C1, "AB12CD34", start).energy(3000L);
        poll(Duration.ofMinutes(31));
        poll(Duration.ofMinutes(60)); // 00:31 local, next day
        poll(Duration.ofMinutes(60)); // 01:31 local
        assertThat(only().open()).isTrue();
        // the window asked for still reaches back 48 h, to before the session started
        String fromDate = cve.server()
                .findAll(getRequestedFor(urlPathEqualTo("/api/v1/transaction")))
                .getLast()
                .queryParameter("fromDate")
                .firstValue();
        assertThat(fromDate).isEqualTo("2026-01-11 01:31:00");
        Instant stop = Instant.parse("2026-01-13T05:10:00Z");
        cve.tx(504, C1, "AB12CD34", start).energy(15000L).stop(stop, "Local");
        cve.charger(C1, "Garagem 1").status("Available", stop.plusSeconds(60));
        poll(Duration.ofMinutes(10));
        assertThat(only().endedAt()).isEqualTo(stop);
        assertThat(only().startedAt()).isEqualTo(start);
        assertThat(only().energyWh()).isEqualTo(15000);
    }

    @Test
    void cveProDownForSeveralCyclesChangesNothingAndIsReported() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(505, C1, "AB12CD34", T0).energy(1000L);
        poll(Duration.ofSeconds(10));
        ChargingSession before = only();

        cve.server()
                .stubFor(get(urlPathEqualTo("/api/v1/chargepoints"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(sync.run(condo).success()).isFalse();
        }
        assertThat(only()).isEqualTo(before);
        assertThat(monitor.status().cpmsConnected()).isFalse();
        assertThat(monitor.status().consecutiveFailures()).isEqualTo(4);
        assertThat(chargers.list(condo)).hasSize(2); // last known state still served

        cve.reset();
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(505, C1, "AB12CD34", T0).energy(4000L);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> poll(Duration.ofSeconds(10)).success());
        assertThat(only().energyWh()).isEqualTo(4000);
        assertThat(monitor.status().consecutiveFailures()).isZero();
    }

    @Test
    void aPartialPollChangesNoSession() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(506, C1, "AB12CD34", T0);
        poll(Duration.ofSeconds(10));
        // chargers now say Available, but the transaction list fails: no session may close on half a picture
        cve.charger(C1, "Garagem 1").status("Available", T0.plusSeconds(20));
        cve.publish();
        cve.server()
                .stubFor(get(urlPathEqualTo("/api/v1/transaction"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(502)));
        clock.advance(Duration.ofSeconds(10));
        assertThat(sync.run(condo).success()).isFalse();
        assertThat(only().open()).isTrue();
        assertThat(chargers.get(condo, C1).status()).isEqualTo(ConnectorStatus.CHARGING);
    }

    @Test
    void malformedJsonFailsTheCycleWithoutChanges() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(507, C1, "AB12CD34", T0);
        cve.publish();
        cve.server()
                .stubFor(get(urlPathEqualTo("/api/v1/transaction"))
                        .atPriority(1)
                        .willReturn(CveProFake.json("{\"list\": [{\"id\": 507, \"chargeBox")));
        CycleOutcome outcome = sync.run(condo);
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).contains("malformed JSON");
        assertThat(all()).isEmpty();
        assertThat(chargers.list(condo)).isEmpty();
    }

    @Test
    void a401MidRunLogsInAgainAndTheCycleSucceeds() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(508, C1, "AB12CD34", T0);
        poll(Duration.ofSeconds(10));
        cve.server()
                .stubFor(get(urlPathEqualTo("/api/v1/transaction"))
                        .withHeader("Authorization", equalTo("token-1"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"Token expired\"}")));
        cve.stubLogin("token-2");
        cve.publish("token-2");
        cve.server().resetRequests();
        clock.advance(Duration.ofSeconds(10));
        assertThat(sync.run(condo).success()).isTrue();
        cve.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/login")));
        assertThat(only().open()).isTrue();
    }

    @Test
    void replayingTheSamePollAfterARolledBackCycleGivesNoDuplicates() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(509, C1, "AB12CD34", T0);
        poll(Duration.ofSeconds(10));
        poll(Duration.ofSeconds(10));
        poll(Duration.ofSeconds(0));
        assertThat(all()).hasSize(1);
        assertThat(sessionEvents(SessionEvents.SessionStarted.class)).hasSize(1);
        Integer open = jdbc.sql("select count(*) from charging_session where ended_at is null")
                .query(Integer.class)
                .single();
        assertThat(open).isEqualTo(1);
    }

    @Test
    void theStatusPathAndTheTransactionPathMakeOneSession() {
        // the connector shows Charging a cycle before CVE-PRO lists the transaction
        cve.charger(C1, "Garagem 1").status("Charging", T0.plusSeconds(3));
        poll(Duration.ofSeconds(10));
        assertThat(only().externalTransactionId()).isNull();
        assertThat(only().residentId()).isNull();
        cve.tx(510, C1, "AB12CD34", T0.plusSeconds(1));
        poll(Duration.ofSeconds(10));
        ChargingSession s = only();
        assertThat(s.externalTransactionId()).isEqualTo(510L);
        assertThat(s.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(s.residentId()).isEqualTo(maria.id());
        assertThat(sessionEvents(SessionEvents.SessionStarted.class)).hasSize(1);
    }

    @Test
    void aStaleAvailableStatusDoesNotCloseAFreshTransaction() {
        cve.charger(C1, "Garagem 1").status("Available", T0.minusSeconds(600));
        cve.tx(511, C1, "AB12CD34", T0.plusSeconds(2));
        poll(Duration.ofSeconds(10));
        assertThat(only().open()).isTrue();
        cve.charger(C1, "Garagem 1").status("Charging", T0.plusSeconds(12));
        poll(Duration.ofSeconds(10));
        assertThat(only().status()).isEqualTo(SessionStatus.CHARGING);
    }

    @Test
    void aStuckSessionIsFlaggedAndClosedWhenItsConnectorIsAvailable() {
        Instant start = T0.minus(Duration.ofHours(13));
        cve.charger(C1, "Garagem 1").status("SuspendedEV", start.plusSeconds(3600));
        cve.tx(512, C1, "AB12CD34", start).energy(9000L);
        poll(Duration.ofSeconds(10));
        assertThat(sessionEvents(SessionEvents.SessionStuck.class)).hasSize(1);
        poll(Duration.ofSeconds(10));
        assertThat(sessionEvents(SessionEvents.SessionStuck.class)).hasSize(1); // once per session

        // CVE-PRO still lists the transaction as running, and the Available status carries an old time stamp
        cve.charger(C1, "Garagem 1").status("Available", start.minusSeconds(60));
        poll(Duration.ofSeconds(10));
        ChargingSession s = only();
        assertThat(s.open()).isFalse();
        assertThat(s.endReason()).isEqualTo(EndReason.STUCK_CONNECTOR_AVAILABLE);
        assertThat(s.energyWh()).isEqualTo(9000);
    }

    @Test
    void aReplacedChargerIsDiscoveredAndItsSessionsRecorded() {
        poll(Duration.ofSeconds(10));
        cve.remove(C1);
        cve.charger("charger-1-new", "Garagem 1").heartbeat(clock.instant()).status("Charging", clock.instant());
        cve.tx(513, "charger-1-new", "AB12CD34", clock.instant());
        cve.publish();
        clock.advance(Duration.ofSeconds(10));
        assertThat(sync.run(condo).success()).isTrue();
        assertThat(chargers.list(condo)).extracting(ChargerView::uuid).contains(C1, "charger-1-new");
        assertThat(only().chargerUuid()).isEqualTo("charger-1-new");
        assertThat(chargerEvents(ChargerEvents.ChargerDiscovered.class))
                .extracting(ChargerEvents.ChargerDiscovered::chargerUuid)
                .contains("charger-1-new");
    }

    @Test
    void aStaleHeartbeatMarksTheChargerOfflineAndKeepsItsSessionOpen() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(514, C1, "AB12CD34", T0);
        poll(Duration.ofSeconds(10));
        clock.advance(Duration.ofMinutes(28));
        cve.charger(C2, "Garagem 2").heartbeat(clock.instant());
        cve.publish(); // charger 1's heartbeat stays 28 min old
        sync.run(condo);
        assertThat(chargers.get(condo, C1).online()).isFalse();
        assertThat(chargers.get(condo, C2).online()).isTrue();
        assertThat(only().open()).isTrue();
        assertThat(chargerEvents(ChargerEvents.ChargerWentOffline.class)).hasSize(1);
        // the late StopTransaction arrives when it comes back
        Instant stop = T0.plus(Duration.ofMinutes(20));
        cve.tx(514, C1, "AB12CD34", T0).energy(7000L).stop(stop, "PowerLoss");
        cve.charger(C1, "Garagem 1").status("Available", stop.plusSeconds(30));
        poll(Duration.ofSeconds(10));
        assertThat(chargers.get(condo, C1).online()).isTrue();
        assertThat(only().endedAt()).isEqualTo(stop);
        assertThat(only().endReason()).isEqualTo(EndReason.POWER_LOSS);
    }

    @Test
    void statusHistoryIsWrittenOnlyOnChange() {
        poll(Duration.ofSeconds(10));
        poll(Duration.ofSeconds(10));
        poll(Duration.ofSeconds(10));
        Integer rows = jdbc.sql("select count(*) from charger_status_history where charger_uuid = :u")
                .param("u", C1)
                .query(Integer.class)
                .single();
        assertThat(rows).isEqualTo(1);
        cve.charger(C1, "Garagem 1").status(1, "Faulted", "GroundFailure", clock.instant());
        poll(Duration.ofSeconds(10));
        rows = jdbc.sql("select count(*) from charger_status_history where charger_uuid = :u")
                .param("u", C1)
                .query(Integer.class)
                .single();
        assertThat(rows).isEqualTo(2);
        assertThat(chargerEvents(ChargerEvents.ChargerFaulted.class))
                .singleElement()
                .satisfies(f -> assertThat(f.errorCode()).isEqualTo("GroundFailure"));
    }

    @Test
    void aFaultDuringASessionPutsItInError() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(515, C1, "AB12CD34", T0);
        poll(Duration.ofSeconds(10));
        cve.charger(C1, "Garagem 1").status(1, "Charging", "OverCurrentFailure", T0.plusSeconds(15));
        poll(Duration.ofSeconds(10));
        assertThat(only().status()).isEqualTo(SessionStatus.ERROR);
        assertThat(only().open()).isTrue();
    }

    @Test
    void aGrowingIdleDurationMeansIdleEvenWhenTheStatusStillSaysCharging() {
        cve.charger(C1, "Garagem 1").status("Charging", T0);
        cve.tx(516, C1, "AB12CD34", T0).energy(3000L);
        poll(Duration.ofSeconds(10));
        cve.tx(516, C1, "AB12CD34", T0).energy(3000L).idle(8);
        poll(Duration.ofSeconds(10));
        assertThat(only().status()).isEqualTo(SessionStatus.SUSPENDED);
        assertThat(only().idleSince()).isEqualTo(clock.instant().minusSeconds(8));
        cve.tx(516, C1, "AB12CD34", T0).energy(3000L).idle(18);
        poll(Duration.ofSeconds(10));
        assertThat(sessionEvents(SessionEvents.SessionStateChanged.class)
                        .filter(e -> e.current() == SessionStatus.SUSPENDED))
                .hasSize(1);
        // the car draws power again: a fresh Charging status wins
        cve.charger(C1, "Garagem 1").status("Charging", clock.instant().plusSeconds(5));
        poll(Duration.ofSeconds(10));
        assertThat(only().status()).isEqualTo(SessionStatus.CHARGING);
        assertThat(only().idleSince()).isNull();
    }

    @Test
    void aPlugInThatNeverGotATransactionIsShownAndExplained() {
        cve.charger(C1, "Garagem 1").status("Preparing", T0.plusSeconds(2));
        poll(Duration.ofSeconds(10));
        assertThat(only().status()).isEqualTo(SessionStatus.STARTED);
        assertThat(only().unidentifiedReason()).isEqualTo(UnidentifiedReason.TRANSACTION_PENDING);
        cve.charger(C1, "Garagem 1").status("Available", T0.plusSeconds(95));
        poll(Duration.ofMinutes(2));
        ChargingSession s = only();
        assertThat(s.open()).isFalse();
        assertThat(s.energyWh()).isZero();
        assertThat(s.endedAt()).isEqualTo(T0.plusSeconds(95));
        assertThat(s.unidentifiedReason()).isEqualTo(UnidentifiedReason.NO_TRANSACTION);
    }
}
