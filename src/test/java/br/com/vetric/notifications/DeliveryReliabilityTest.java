package br.com.vetric.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.notifications.internal.OutboxRepository;
import br.com.vetric.residents.Resident;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

/** Gateway outages, permanent refusals, crashes mid-delivery and replayed events: never lost, never twice. */
class DeliveryReliabilityTest extends NotificationTestSupport {

    private static final Duration STEP = Duration.ofSeconds(30);

    @Autowired
    OutboxRepository outbox;

    @Autowired
    IncompleteEventPublications incomplete;

    private StubMapping answer(String digits, int status) {
        return EVOLUTION.stubFor(post(urlPathMatching("/message/sendText/.*"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.number", equalTo(digits)))
                .willReturn(aResponse().withStatus(status).withBody("{\"error\":\"status " + status + "\"}")));
    }

    /** Sync, listeners and due checks, but no delivery. */
    private void cycleWithoutDelivery() {
        sync.run(condo());
        settle();
        notifications.runDueChecks();
    }

    @Test
    void aMessageIsRetriedWhileTheGatewayIsDownAndDeliveredOnceWhenItIsBack() {
        Resident r = resident(6);
        String to = digits(r.phone());
        StubMapping down = answer(to, 503);
        simulator.plugIn("Garagem 1", r.tags().getFirst());
        simulator.startCharging("Garagem 1");
        cycle();
        long session = lastSessionId("Garagem 1");
        run(Duration.ofMinutes(3), STEP); // CHARGING_STARTED enqueued and tried once, within the last step

        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1);
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("last_status_code", 503)
                .containsEntry("last_reason", "GATEWAY_ERROR");

        advance(Duration.ofMinutes(1));
        notifications.deliverPending();
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 2);

        EVOLUTION.removeStub(down);
        advance(Duration.ofMinutes(1));
        notifications.deliverPending();
        assertThat(outboxRow(session, "CHARGING_STARTED")).containsEntry("status", "PENDING"); // backoff 2 min
        advance(Duration.ofMinutes(1));
        notifications.deliverPending();
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 3);

        run(Duration.ofMinutes(2), STEP);
        assertThat(requestsTo(to)).hasSize(3); // two refused, one accepted
        assertThat(textsTo(to)).allMatch(t -> t.contains("começou"));

        simulator.stop("Garagem 1", "Local");
        simulator.unplug("Garagem 1");
        run(Duration.ofMinutes(1), STEP);
    }

    @Test
    void aClientErrorFailsAtOnceWithTheReasonAndExhaustedRetriesFailToo() {
        Resident r = resident(7);
        String to = digits(r.phone());
        StubMapping refused = answer(to, 400);
        simulator.plugIn("Garagem 2", r.tags().getFirst());
        simulator.startCharging("Garagem 2");
        cycle();
        long session = lastSessionId("Garagem 2");
        run(Duration.ofMinutes(3).plusSeconds(30), STEP);
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "FAILED")
                .containsEntry("attempts", 1);
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("last_status_code", 400)
                .containsEntry("last_reason", "GATEWAY_REJECTED")
                .containsEntry("last_error", null);
        EVOLUTION.removeStub(refused);

        StubMapping down = answer(to, 500);
        simulator.suspend("Garagem 2");
        advance(Duration.ofSeconds(10));
        cycle();
        for (int i = 0; i < 4; i++) {
            advance(Duration.ofMinutes(10));
            notifications.deliverPending();
        }
        assertThat(outboxRow(session, "IDLE_STARTED"))
                .containsEntry("status", "FAILED")
                .containsEntry("attempts", 4);
        assertThat(outboxRow(session, "IDLE_STARTED"))
                .containsEntry("last_status_code", 500)
                .containsEntry("last_reason", "GATEWAY_ERROR");
        EVOLUTION.removeStub(down);

        simulator.stop("Garagem 2", "Local");
        simulator.unplug("Garagem 2");
        run(Duration.ofMinutes(1), STEP);
    }

    @Test
    void aCrashMidDeliveryAndReplayedEventsAfterARestartSendEachMessageOnce() {
        Resident r = resident(8);
        String to = digits(r.phone());
        simulator.plugIn("Garagem 3", r.tags().getFirst());
        simulator.startCharging("Garagem 3");
        cycleWithoutDelivery();
        long session = lastSessionId("Garagem 3");
        for (int i = 0; i < 8; i++) {
            advance(STEP);
            cycleWithoutDelivery();
        }
        assertThat(outboxRow(session, "CHARGING_STARTED")).containsEntry("status", "PENDING");

        // a worker claims the message and dies before calling the gateway
        assertThat(outbox.claim(condo(), clock.instant(), clock.instant().plus(Duration.ofMinutes(2)), 100))
                .isNotEmpty();
        assertThat(outboxRow(session, "CHARGING_STARTED")).containsEntry("status", "IN_FLIGHT");

        // "restart": every event is delivered again to the listeners
        int replayed = jdbc.sql("update event_publication set completion_date = null, status = 'FAILED'")
                .update();
        assertThat(replayed).isPositive();
        incomplete.resubmitIncompletePublications(p -> true);
        settle();
        notifications.runDueChecks();

        notifications.deliverPending();
        assertThat(requestsTo(to)).as("the lease has not run out yet").isEmpty();
        advance(Duration.ofMinutes(3));
        notifications.deliverPending();
        notifications.deliverPending();
        run(Duration.ofMinutes(2), STEP);

        assertThat(textsTo(to)).hasSize(1);
        assertThat(kindsOfSession(session)).containsExactly("CHARGING_STARTED");
        assertThat(outboxRow(session, "CHARGING_STARTED"))
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 2);

        simulator.stop("Garagem 3", "Local");
        simulator.unplug("Garagem 3");
        run(Duration.ofMinutes(1), STEP);
        incomplete.resubmitIncompletePublications(p -> true);
        settle();
        assertThat(kindsOfSession(session)).containsExactly("CHARGING_STARTED", "CHARGING_INTERRUPTED");
    }
}
