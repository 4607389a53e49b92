package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.residents.Resident;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * SESSION_STUCK and its recovery on a simulator timeline, with the sessions module's stuck threshold lowered to
 * 30 minutes (its own application context).
 */
@TestPropertySource(properties = "vetric.sessions.stuck-after=30m")
class SessionStuckAlertTest extends NotificationTestSupport {

    private static final String STUCK = "está aberto há";
    private static final String CLEARED = "foi encerrado em";

    private List<String> managerTextsAbout(String charger, String fragment) {
        return textsTo(MANAGER_DIGITS).stream()
                .filter(t -> t.contains(charger + " "))
                .filter(t -> t.contains(fragment))
                .toList();
    }

    private long outboxCount(String kind, long session) {
        return jdbc.sql(
                        "select count(*) from notification_outbox where condominium_id = :c and kind = :k and session_id = :s")
                .param("c", condo().value())
                .param("k", kind)
                .param("s", session)
                .query(Long.class)
                .single();
    }

    @Test
    void aSessionOpenLongerThanTheThresholdAlertsTheManagersOnceAndItsEndClearsIt() {
        Resident r = resident(12);
        simulator.plugIn("Garagem 1", r.tags().getFirst());
        simulator.startCharging("Garagem 1");
        cycle();
        long session = lastSessionId("Garagem 1");
        run(Duration.ofMinutes(28), Duration.ofMinutes(1));
        assertThat(managerTextsAbout("Garagem 1", STUCK)).as("not 30 min yet").isEmpty();

        run(Duration.ofMinutes(4), Duration.ofMinutes(1));
        List<String> alerts = managerTextsAbout("Garagem 1", STUCK);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst())
                .matches("(?s).*Garagem 1 \\(.+\\) está aberto há 3[01] min\\..*")
                .contains(r.apartment());

        // the car is idle now: still open, still stuck, still a single alert
        simulator.suspend("Garagem 1");
        run(Duration.ofMinutes(30), Duration.ofMinutes(2));
        assertThat(managerTextsAbout("Garagem 1", STUCK)).hasSize(1);
        assertThat(managerTextsAbout("Garagem 1", CLEARED)).isEmpty();

        simulator.stop("Garagem 1", "Local");
        simulator.unplug("Garagem 1");
        run(Duration.ofMinutes(10), Duration.ofMinutes(1));
        assertThat(managerTextsAbout("Garagem 1", CLEARED)).hasSize(1);
        assertThat(managerTextsAbout("Garagem 1", STUCK)).hasSize(1);
        assertThat(outboxCount("SESSION_STUCK", session)).isEqualTo(1);
        assertThat(outboxCount("SESSION_STUCK_CLEARED", session)).isEqualTo(1);
    }

    @Test
    void aSessionThatEndsBeforeTheThresholdNeitherAlertsNorRecovers() {
        Resident r = resident(13);
        simulator.plugIn("Garagem 2", r.tags().getFirst());
        simulator.startCharging("Garagem 2");
        cycle();
        long session = lastSessionId("Garagem 2");
        run(Duration.ofMinutes(25), Duration.ofMinutes(1));
        simulator.stop("Garagem 2", "Local");
        simulator.unplug("Garagem 2");
        run(Duration.ofMinutes(40), Duration.ofMinutes(2));
        assertThat(managerTextsAbout("Garagem 2", STUCK)).isEmpty();
        assertThat(managerTextsAbout("Garagem 2", CLEARED)).isEmpty();
        assertThat(outboxCount("SESSION_STUCK", session)).isZero();
    }
}
