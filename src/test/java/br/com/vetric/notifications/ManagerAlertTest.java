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
        assertThat(managerTextsAbout("o carregador Garagem 4 apresentou falha de aterramento em"))
                .as("the fault in words, once")
                .hasSize(1)
                .allSatisfy(t -> assertThat(t).doesNotContain("GroundFailure").containsOnlyOnce("falha"));
        assertThat(managerTextsAbout("falha do carregador Garagem 4 foi resolvida"))
                .isEmpty();

        simulator.clearFault("Garagem 4");
        advance(Duration.ofSeconds(10));
        cycle();
        run(Duration.ofMinutes(2), Duration.ofSeconds(30));
        assertThat(managerTextsAbout("falha do carregador Garagem 4 foi resolvida"))
                .hasSize(1);
        assertThat(managerTextsAbout("Garagem 4 apresentou")).hasSize(1);
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

    @Test
    void theSameCardChargingOnTwoChargersAlertsTheManagersOnceUntilItChargesOnOneOnly() {
        String tag = resident(14).tags().getFirst();
        simulator.plugIn("Garagem 4", tag);
        simulator.startCharging("Garagem 4");
        simulator.plugIn("Garagem 5", tag);
        simulator.startCharging("Garagem 5");
        run(Duration.ofMinutes(3), Duration.ofSeconds(30));

        assertThat(managerTextsAbout("o mesmo cartão"))
                .as("one alert naming both chargers, for a shared or cloned card")
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .contains(tag)
                        .contains("Garagem 4 e Garagem 5")
                        .contains("clonado"));

        simulator.stop("Garagem 5", "Local");
        simulator.unplug("Garagem 5");
        run(Duration.ofMinutes(1), Duration.ofSeconds(30));
        assertThat(jdbc.sql("select count(*) from notification_incident where condominium_id = :c and type ="
                                + " 'DUPLICATE_TAG' and cleared_at is null")
                        .param("c", condo().value())
                        .query(Long.class)
                        .single())
                .as("cleared once the card charges on one charger only")
                .isZero();

        simulator.plugIn("Garagem 5", tag);
        simulator.startCharging("Garagem 5");
        run(Duration.ofMinutes(1), Duration.ofSeconds(30));
        assertThat(managerTextsAbout("o mesmo cartão"))
                .as("a new occurrence is a new alert")
                .hasSize(2);

        for (String charger : List.of("Garagem 4", "Garagem 5")) { // leave them Available for the other tests
            simulator.stop(charger, "Local");
            simulator.unplug(charger);
        }
        run(Duration.ofMinutes(1), Duration.ofSeconds(30));
    }
}
