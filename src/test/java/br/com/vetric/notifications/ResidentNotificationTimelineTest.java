package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.residents.Resident;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four resident events on real timelines driven by the simulator, delivered to a fake Evolution API. */
class ResidentNotificationTimelineTest extends NotificationTestSupport {

    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void chargingThenIdleThenFullSendsStartedIdleAndBatteryFullEachOnce() {
        Resident r = resident(0);
        String to = digits(r.phone());
        simulator.plugIn("Garagem 1", r.tags().getFirst());
        simulator.startCharging("Garagem 1");
        cycle();
        long session = lastSessionId("Garagem 1");

        run(Duration.ofMinutes(2), STEP);
        assertThat(textsTo(to)).as("nothing before the 3 min start delay").isEmpty();

        run(Duration.ofMinutes(1).plusSeconds(30), STEP);
        assertThat(textsTo(to)).hasSize(1);
        assertThat(textsTo(to).getFirst())
                .contains(r.name())
                .contains("começou")
                .contains("Garagem 1");

        simulator.suspend("Garagem 1");
        advance(Duration.ofSeconds(10));
        cycle();
        assertThat(textsTo(to)).hasSize(2);
        assertThat(textsTo(to).get(1)).contains("parou de consumir energia");

        run(Duration.ofMinutes(2), STEP);
        assertThat(textsTo(to)).as("still idle for less than 3 min").hasSize(2);
        run(Duration.ofMinutes(1).plusSeconds(30), STEP);
        assertThat(textsTo(to)).hasSize(3);
        assertThat(textsTo(to).get(2))
                .contains("bateria")
                .containsPattern("\\d+,\\d\\d kWh em")
                .doesNotContain("kWh kWh");

        simulator.stop("Garagem 1", "Local");
        simulator.unplug("Garagem 1");
        run(Duration.ofMinutes(5), STEP);

        assertThat(textsTo(to)).as("nothing after the battery-full message").hasSize(3);
        assertThat(kindsOfSession(session)).containsExactly("CHARGING_STARTED", "IDLE_STARTED", "BATTERY_FULL");
        LoggedRequest first = requestsTo(to).getFirst();
        assertThat(first.getUrl()).isEqualTo("/message/sendText/vetric-demo");
        assertThat(first.getHeader("apikey")).isEqualTo("test-evolution-key");
        assertThat(body(first).path("number").asString()).isEqualTo(to).doesNotContain("+");
        assertThat(outboxRow(session, "BATTERY_FULL"))
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 1);
    }

    @Test
    void chargingThatResumesBeforeTheBatteryFullDelaySendsNoBatteryFull() {
        Resident r = resident(1);
        String to = digits(r.phone());
        simulator.plugIn("Garagem 2", r.tags().getFirst());
        simulator.startCharging("Garagem 2");
        cycle();
        long session = lastSessionId("Garagem 2");
        run(Duration.ofMinutes(4), STEP);

        simulator.suspend("Garagem 2");
        run(Duration.ofMinutes(2), STEP);
        simulator.resume("Garagem 2");
        run(Duration.ofMinutes(6), STEP);
        assertThat(kindsOfSession(session)).containsExactly("CHARGING_STARTED", "IDLE_STARTED");

        // idle again: the battery-full timer starts over from the new idle phase
        simulator.suspend("Garagem 2");
        run(Duration.ofMinutes(2), STEP);
        assertThat(kindsOfSession(session)).containsExactly("CHARGING_STARTED", "IDLE_STARTED", "IDLE_STARTED");
        run(Duration.ofMinutes(1).plusSeconds(30), STEP);
        assertThat(kindsOfSession(session))
                .containsExactly("CHARGING_STARTED", "IDLE_STARTED", "IDLE_STARTED", "BATTERY_FULL");

        simulator.stop("Garagem 2", "Local");
        simulator.unplug("Garagem 2");
        run(Duration.ofMinutes(2), STEP);
        assertThat(textsTo(to)).hasSize(4);
    }

    @Test
    void anAbruptStopWhileChargingSendsOnlyChargingInterrupted() {
        Resident r = resident(2);
        String to = digits(r.phone());
        simulator.plugIn("Garagem 3", r.tags().getFirst());
        simulator.startCharging("Garagem 3");
        cycle();
        long session = lastSessionId("Garagem 3");
        run(Duration.ofMinutes(5), STEP);

        simulator.stop("Garagem 3", "PowerLoss");
        advance(Duration.ofSeconds(10));
        cycle();
        simulator.unplug("Garagem 3");
        run(Duration.ofMinutes(5), STEP);

        assertThat(kindsOfSession(session)).containsExactly("CHARGING_STARTED", "CHARGING_INTERRUPTED");
        List<String> texts = textsTo(to);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(1)).contains("interrompido");
    }

    @Test
    void aSessionShorterThanTheStartDelaySendsNothing() {
        Resident r = resident(3);
        String to = digits(r.phone());
        simulator.plugIn("Garagem 4", r.tags().getFirst());
        simulator.startCharging("Garagem 4");
        cycle();
        long session = lastSessionId("Garagem 4");
        run(Duration.ofMinutes(1), STEP);
        simulator.stop("Garagem 4", "Local");
        simulator.unplug("Garagem 4");
        run(Duration.ofMinutes(6), STEP);

        assertThat(kindsOfSession(session)).isEmpty();
        assertThat(textsTo(to)).isEmpty();
    }

    @Test
    void anUnidentifiedSessionIdentifiedLaterGetsOneChargingStarted() {
        Resident r = resident(4);
        String to = digits(r.phone());
        String unknownTag =
                br.com.vetric.simulator.DemoCondominium.load().unknownTags().getFirst();
        simulator.plugIn("Garagem 5", unknownTag);
        simulator.startCharging("Garagem 5");
        cycle();
        long session = lastSessionId("Garagem 5");
        run(Duration.ofMinutes(6), STEP);
        assertThat(textsTo(to)).isEmpty();
        assertThat(textsTo(MANAGER_DIGITS)).anyMatch(t -> t.contains("não pertence a nenhum morador"));

        residents.assignTag(condo(), r.id(), unknownTag);
        settle();
        notifications.runDueChecks();
        notifications.deliverPending();
        run(Duration.ofMinutes(3), STEP);
        sync.run(condo());
        settle();
        notifications.deliverPending();

        assertThat(kindsOfSession(session)).containsExactly("CHARGING_STARTED");
        assertThat(textsTo(to)).hasSize(1).first().asString().contains(r.name());
        assertThat(textsTo(MANAGER_DIGITS)).anyMatch(t -> t.contains("agora pertence a " + r.name()));

        simulator.stop("Garagem 5", "Local");
        simulator.unplug("Garagem 5");
        run(Duration.ofMinutes(1), STEP);
    }

    @Test
    void residentsWithNotificationsOffAreSkippedAndTheSkipIsLogged() {
        Resident r = resident(5);
        String to = digits(r.phone());
        residents.update(
                condo(),
                r.id(),
                new br.com.vetric.residents.ResidentCommand(
                        r.name(), r.apartment(), r.tower(), r.phone(), r.tags(), false));
        simulator.plugIn("Garagem 6", r.tags().getFirst());
        simulator.startCharging("Garagem 6");
        cycle();
        long session = lastSessionId("Garagem 6");
        run(Duration.ofMinutes(4), STEP);
        simulator.stop("Garagem 6", "Local");
        simulator.unplug("Garagem 6");
        run(Duration.ofMinutes(1), STEP);

        assertThat(textsTo(to)).isEmpty();
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "SKIPPED")
                .containsEntry("last_error", "morador desativou as notificações");
        residents.update(
                condo(),
                r.id(),
                new br.com.vetric.residents.ResidentCommand(
                        r.name(), r.apartment(), r.tower(), r.phone(), r.tags(), true));
    }
}
