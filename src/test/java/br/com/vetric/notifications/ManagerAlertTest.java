package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manager alerts: once per incident, with a recovery message when it clears. */
class ManagerAlertTest extends NotificationTestSupport {

    private List<String> managerTextsAbout(String fragment) {
        return textsTo(MANAGER_DIGITS).stream()
                .filter(t -> t.contains(fragment))
                .toList();
    }

    @Test
    void aFaultAlertsTheManagersOnceAndItsRecoveryToo() {
        simulator.fault("Garagem 4", "GroundFailure");
        advance(Duration.ofSeconds(10));
        cycle();
        run(Duration.ofMinutes(3), Duration.ofSeconds(30));
        assertThat(managerTextsAbout("Garagem 4 apresentou falha (GroundFailure"))
                .hasSize(1);
        assertThat(managerTextsAbout("falha do Garagem 4 foi resolvida")).isEmpty();

        simulator.clearFault("Garagem 4");
        advance(Duration.ofSeconds(10));
        cycle();
        run(Duration.ofMinutes(2), Duration.ofSeconds(30));
        assertThat(managerTextsAbout("falha do Garagem 4 foi resolvida")).hasSize(1);
        assertThat(managerTextsAbout("Garagem 4 apresentou falha")).hasSize(1);
    }

    @Test
    void aChargerOfflineLongerThanTheDelayAlertsOnceAndItsReturnToo() {
        simulator.offline("Garagem 5");
        run(Duration.ofMinutes(12), Duration.ofMinutes(1));
        assertThat(managerTextsAbout("Garagem 5 está sem comunicação"))
                .as("not yet 15 min")
                .isEmpty();
        run(Duration.ofMinutes(6), Duration.ofMinutes(1));
        assertThat(managerTextsAbout("Garagem 5 está sem comunicação")).hasSize(1);

        simulator.online("Garagem 5");
        run(Duration.ofMinutes(2), Duration.ofSeconds(30));
        assertThat(managerTextsAbout("Garagem 5 voltou a se comunicar")).hasSize(1);
        assertThat(managerTextsAbout("Garagem 5 está sem comunicação")).hasSize(1);
    }

    @Test
    void aShortOutageSendsNeitherAlertNorRecovery() {
        simulator.offline("Garagem 6");
        run(Duration.ofMinutes(8), Duration.ofMinutes(1));
        simulator.online("Garagem 6");
        run(Duration.ofMinutes(20), Duration.ofMinutes(1));
        assertThat(managerTextsAbout("Garagem 6")).isEmpty();
    }
}
