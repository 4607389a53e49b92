package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.SessionFilter;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.ClockTestConfig;
import br.com.vetric.support.CveProFake;
import br.com.vetric.support.MutableClock;
import br.com.vetric.sync.SyncCycle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * IDLE_STARTED and BATTERY_FULL when the only sign of idleness is a growing {@code idleDuration} while the
 * connector keeps saying Charging. The simulator cannot show that (its idleDuration grows only while the connector
 * is Suspended*, and a fresh Charging status resumes the session), so CVE-PRO is a scripted WireMock here.
 */
@SpringBootTest(
        properties = {
            "vetric.notifications.scheduler-enabled=false",
            "vetric.notifications.provider=evolution",
            "vetric.notifications.evolution-api-key=test-evolution-key",
            "vetric.notifications.evolution-instance=vetric-demo",
            "vetric.notifications.manager-phones=(11) 99000-0001"
        })
@ActiveProfiles("test")
@Import(ClockTestConfig.class)
class IdleFromIdleDurationTest {

    static final CveProFake cve = new CveProFake();
    static final String CHARGER = "idle-charger-1";
    static final Instant T0 = ClockTestConfig.START;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("vetric.cpms.url", cve::baseUrl);
        r.add("vetric.cpms.api-key", () -> CveProFake.API_KEY);
        r.add("vetric.cpms.email", () -> CveProFake.EMAIL);
        r.add("vetric.cpms.password", () -> CveProFake.PASSWORD);
        r.add("vetric.notifications.evolution-url", NotificationTestSupport.EVOLUTION::baseUrl);
    }

    @AfterAll
    static void stop() {
        cve.close();
    }

    @Autowired
    SyncCycle sync;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

    @Autowired
    Sessions sessions;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private void poll(CondominiumId condo, Duration advance) {
        clock.advance(advance);
        cve.charger(CHARGER, "Vaga Idle").heartbeat(clock.instant());
        cve.publish();
        sync.run(condo);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
        notifications.runDueChecks();
        notifications.deliverPending();
    }

    private List<String> textsTo(Resident r) {
        return NotificationTestSupport.textsTo(NotificationTestSupport.digits(r.phone()));
    }

    @Test
    void aGrowingIdleDurationUnderAChargingStatusSendsIdleStartedOnceAndBatteryFullAfterTheDelay() {
        CondominiumId condo = condominiums.primary().id();
        Resident r = residents.create(
                condo,
                new ResidentCommand("Olga Idle", "Apto 1501", "Torre C", "(11) 97000-1501", List.of("1D1E0001"), true));
        cve.charger(CHARGER, "Vaga Idle").heartbeat(T0).status("Charging", T0);
        cve.tx(7001, CHARGER, "1D1E0001", T0).energy(200L);
        poll(condo, Duration.ofSeconds(10));
        long wh = 200;
        for (int i = 0; i < 8; i++) { // four minutes of charging: CHARGING_STARTED at +3 min
            wh += 150;
            cve.tx(7001, CHARGER, "1D1E0001", T0).energy(wh);
            poll(condo, Duration.ofSeconds(30));
        }
        assertThat(textsTo(r)).hasSize(1).first().asString().contains("começou");

        // the car stops drawing power; CVE-PRO's connector still says Charging (since T0), idleDuration grows
        long idle = 0;
        for (int i = 0; i < 5; i++) { // 2.5 min idle: less than BATTERY_FULL's 3 min
            idle += 30;
            cve.tx(7001, CHARGER, "1D1E0001", T0).energy(wh).idle(idle);
            poll(condo, Duration.ofSeconds(30));
        }
        var session =
                sessions.search(condo, SessionFilter.none(), 0, 10).content().getFirst();
        assertThat(session.status()).isEqualTo(SessionStatus.SUSPENDED);
        assertThat(session.idleSince()).isEqualTo(clock.instant().minusSeconds(idle));
        assertThat(textsTo(r)).hasSize(2);
        assertThat(textsTo(r).get(1)).contains("parou de consumir energia").contains("Vaga Idle");

        for (int i = 0; i < 4; i++) { // past idleSince + 3 min
            idle += 30;
            cve.tx(7001, CHARGER, "1D1E0001", T0).energy(wh).idle(idle);
            poll(condo, Duration.ofSeconds(30));
        }
        assertThat(textsTo(r)).hasSize(3);
        assertThat(textsTo(r).get(2)).contains("bateria").contains("carregada");

        // unplugged later: BATTERY_FULL already went out, so the end adds nothing
        cve.tx(7001, CHARGER, "1D1E0001", T0)
                .energy(wh)
                .idle(idle + 30)
                .stop(clock.instant().plusSeconds(30), "EVDisconnected");
        cve.charger(CHARGER, "Vaga Idle").status("Available", clock.instant().plusSeconds(30));
        poll(condo, Duration.ofSeconds(40));
        poll(condo, Duration.ofMinutes(5));
        assertThat(textsTo(r)).hasSize(3);
        assertThat(jdbc.sql(
                                "select kind from notification_outbox where condominium_id = :c and recipient like 'resident:%' order by id")
                        .param("c", condo.value())
                        .query(String.class)
                        .list())
                .containsExactly("CHARGING_STARTED", "IDLE_STARTED", "BATTERY_FULL");
    }
}
