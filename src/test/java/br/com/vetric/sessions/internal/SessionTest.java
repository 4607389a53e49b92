package br.com.vetric.sessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.cpms.ConnectorSnapshot;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.sessions.SessionEvents.SessionEvent;
import br.com.vetric.sessions.SessionEvents.SessionFinished;
import br.com.vetric.sessions.SessionEvents.SessionIdentified;
import br.com.vetric.sessions.SessionEvents.SessionStarted;
import br.com.vetric.sessions.SessionEvents.SessionStateChanged;
import br.com.vetric.sessions.SessionEvents.SessionStuck;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.UnidentifiedReason;
import br.com.vetric.sessions.internal.Session.Who;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.EndReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session's own rules, one by one, without a database: each change returns the events it causes. */
class SessionTest {

    static final CondominiumId CONDO = CondominiumId.of(1);
    static final Instant T0 = Instant.parse("2026-03-10T17:00:00Z");
    static final Who MARIA = new Who("AB12CD34", 7L, null);
    static final Who UNKNOWN = new Who("DEADBEEF", null, UnidentifiedReason.TAG_NOT_REGISTERED);

    final List<SessionEvent> events = new ArrayList<>();

    static ConnectorSnapshot connector(ConnectorStatus status, Instant at) {
        return new ConnectorSnapshot(1, status, status.ocpp(), null, null, at, 22000);
    }

    static ConnectorSnapshot faulted(String code, Instant at) {
        return new ConnectorSnapshot(1, ConnectorStatus.FAULTED, "Faulted", code, null, at, 22000);
    }

    static TransactionSnapshot running(long id, Instant start, Long wh, Long idle) {
        return new TransactionSnapshot(id, "uuid-1", 1, "ab12cd34", 99L, start, null, wh, null, idle, null);
    }

    static TransactionSnapshot stopped(long id, Instant start, Instant stop, long wh, EndReason reason) {
        return new TransactionSnapshot(id, "uuid-1", 1, "ab12cd34", 99L, start, stop, wh, 3600L, 0L, reason);
    }

    Session charging(boolean live) {
        return Session.fromTransaction(
                CONDO,
                1,
                running(500, T0, 100L, 0L),
                MARIA,
                "Garagem 1",
                connector(ConnectorStatus.CHARGING, T0.plusSeconds(5)),
                T0.plusSeconds(10),
                live,
                events);
    }

    @Test
    void aRunningTransactionOpensASessionInTheConnectorsStateAndStartsMeasuringWhenWatchedLive() {
        Session s = charging(true);
        assertThat(s.status()).isEqualTo(SessionStatus.CHARGING);
        assertThat(s.chargingSince()).isEqualTo(T0.plusSeconds(5));
        assertThat(s.observedLive()).isTrue();
        assertThat(s.durationSeconds())
                .as("a running session's duration is derived, not stored")
                .isNull();
        assertThat(events).singleElement().isInstanceOf(SessionStarted.class);

        Session late = Session.fromTransaction(
                CONDO,
                2,
                running(501, T0, 100L, 0L),
                MARIA,
                "Garagem 1",
                connector(ConnectorStatus.CHARGING, T0),
                T0.plusSeconds(3600),
                false,
                new ArrayList<>());
        assertThat(late.chargingSince())
                .as("not watched from its start: nothing is measured")
                .isNull();
        assertThat(late.observedLive()).isFalse();
    }

    @Test
    void aTransactionAlreadyStoppedIsRecordedAfterTheFactWithItsOwnTimesAndReason() {
        Session s = Session.fromTransaction(
                CONDO,
                1,
                stopped(500, T0, T0.plusSeconds(3600), 5000, EndReason.EV_DISCONNECTED),
                MARIA,
                "Garagem 1",
                null,
                T0.plusSeconds(7200),
                true,
                events);
        assertThat(s.open()).isFalse();
        assertThat(s.endReason()).isEqualTo(EndReason.EV_DISCONNECTED);
        assertThat(s.observedLive()).isFalse();
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        SessionFinished.class, f -> assertThat(f.backfilled()).isTrue());
    }

    @Test
    void goingIdleClosesTheChargingIntervalAndResumingOpensANewOne() {
        Session s = charging(true);
        events.clear();
        Instant idleAt = T0.plusSeconds(1800);
        s.applyStatus(connector(ConnectorStatus.SUSPENDED_EV, idleAt), idleAt, idleAt.plusSeconds(5), events);
        assertThat(s.status()).isEqualTo(SessionStatus.SUSPENDED);
        assertThat(s.idleSince()).isEqualTo(idleAt);
        assertThat(s.closedIntervals()).containsExactly(new ChargingInterval(T0.plusSeconds(5), idleAt));
        assertThat(events).singleElement().isInstanceOfSatisfying(SessionStateChanged.class, e -> {
            assertThat(e.previous()).isEqualTo(SessionStatus.CHARGING);
            assertThat(e.current()).isEqualTo(SessionStatus.SUSPENDED);
        });

        Instant resumeAt = idleAt.plusSeconds(600);
        s.applyStatus(connector(ConnectorStatus.CHARGING, resumeAt), resumeAt, resumeAt.plusSeconds(5), events);
        assertThat(s.status()).isEqualTo(SessionStatus.CHARGING);
        assertThat(s.chargingSince()).isEqualTo(resumeAt);
        assertThat(s.recordedIdleSeconds())
                .as("the finished idle phase is counted")
                .isEqualTo(600);
    }

    @Test
    void aChargingStatusOlderThanTheIdleEvidenceIsStale() {
        Session s = charging(true);
        Instant idleAt = T0.plusSeconds(1800);
        s.applyStatus(connector(ConnectorStatus.SUSPENDED_EV, idleAt), idleAt, idleAt, events);
        events.clear();
        s.applyStatus(
                connector(ConnectorStatus.CHARGING, idleAt.minusSeconds(60)),
                idleAt.minusSeconds(60),
                idleAt.plusSeconds(10),
                events);
        assertThat(s.status()).isEqualTo(SessionStatus.SUSPENDED);
        assertThat(events).isEmpty();
    }

    @Test
    void aGrowingIdleCountUnderAChargingStatusMeansTheCarWentIdle() {
        Session s = charging(true);
        s.saved();
        events.clear();
        Instant now = T0.plusSeconds(3600);
        s.applyTransaction(running(500, T0, 3000L, 120L), MARIA, now, events);
        assertThat(s.status()).isEqualTo(SessionStatus.SUSPENDED);
        assertThat(s.idleSince()).isEqualTo(now.minusSeconds(120));
        assertThat(s.closedIntervals()).containsExactly(new ChargingInterval(T0.plusSeconds(5), now.minusSeconds(120)));
        assertThat(events).singleElement().isInstanceOf(SessionStateChanged.class);
        assertThat(s.idleSeconds(now)).isEqualTo(120);
    }

    @Test
    void whileIdleTheGrowingCountsAreNotWorthAWrite() {
        Session s = charging(true);
        Instant idleAt = T0.plusSeconds(1800);
        s.applyStatus(connector(ConnectorStatus.SUSPENDED_EV, idleAt), idleAt, idleAt, events);
        s.saved();
        s.applyTransaction(running(500, T0, 100L, 300L), MARIA, idleAt.plusSeconds(300), events);
        s.applyStatus(connector(ConnectorStatus.SUSPENDED_EV, idleAt), idleAt, idleAt.plusSeconds(300), events);
        assertThat(s.needsWriting()).isFalse();
        assertThat(s.idleSeconds(idleAt.plusSeconds(300))).isEqualTo(300);
    }

    @Test
    void aFaultPutsTheSessionInErrorWithTheChargersCodeAndItEndsThatWay() {
        Session s = charging(true);
        s.applyStatus(faulted("GroundFailure", T0.plusSeconds(60)), T0.plusSeconds(60), T0.plusSeconds(60), events);
        assertThat(s.status()).isEqualTo(SessionStatus.ERROR);
        assertThat(s.lastErrorCode()).isEqualTo("GroundFailure");
        assertThat(s.chargingSince()).isNull();
        s.applyTransaction(
                stopped(500, T0, T0.plusSeconds(120), 300, EndReason.POWER_LOSS), MARIA, T0.plusSeconds(130), events);
        assertThat(s.status()).isEqualTo(SessionStatus.ERROR);
        assertThat(s.endReason()).isEqualTo(EndReason.POWER_LOSS);
        assertThat(events.getLast())
                .isInstanceOfSatisfying(
                        SessionFinished.class, f -> assertThat(f.lastStatus()).isEqualTo(SessionStatus.ERROR));
    }

    @Test
    void itClosesOnlyOnEvidence_anAvailableStatusFromBeforeTheStartIsIgnored() {
        Session s = charging(true);
        s.applyStatus(
                connector(ConnectorStatus.AVAILABLE, T0.minusSeconds(30)),
                T0.minusSeconds(30),
                T0.plusSeconds(20),
                events);
        assertThat(s.open()).isTrue();
        Instant freed = T0.plusSeconds(900);
        s.applyStatus(connector(ConnectorStatus.AVAILABLE, freed), freed, freed.plusSeconds(5), events);
        assertThat(s.open()).isFalse();
        assertThat(s.endedAt()).isEqualTo(freed);
        assertThat(s.endReason()).isEqualTo(EndReason.CONNECTOR_AVAILABLE);
        assertThat(s.durationSeconds()).isEqualTo(900);
        assertThat(s.closedIntervals()).containsExactly(new ChargingInterval(T0.plusSeconds(5), freed));
    }

    @Test
    void theTransactionsStopTimeReasonAndIdleCountWin() {
        Session s = charging(true);
        s.applyTransaction(
                new TransactionSnapshot(
                        500,
                        "uuid-1",
                        1,
                        "ab12cd34",
                        99L,
                        T0,
                        T0.plusSeconds(3600),
                        9000L,
                        3600L,
                        420L,
                        EndReason.LOCAL),
                MARIA,
                T0.plusSeconds(3700),
                events);
        assertThat(s.endedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(s.endReason()).isEqualTo(EndReason.LOCAL);
        assertThat(s.energyWh()).isEqualTo(9000);
        assertThat(s.recordedIdleSeconds()).isEqualTo(420);
        assertThat(s.durationSeconds()).isEqualTo(3600);
    }

    @Test
    void aStatusPathSessionIsAdoptedByItsTransactionAndThenIdentifiedOnce() {
        Session s = Session.fromStatus(
                CONDO, 1, "uuid-1", "Garagem 1", connector(ConnectorStatus.PREPARING, T0), T0, true, events);
        assertThat(s.unidentifiedReason()).isEqualTo(UnidentifiedReason.TRANSACTION_PENDING);
        s.saved();
        events.clear();
        TransactionSnapshot tx = running(500, T0.minusSeconds(3), 0L, 0L);
        assertThat(s.canAdopt(tx)).isTrue();
        s.adopt(tx, T0.plusSeconds(10));
        s.applyTransaction(tx, MARIA, T0.plusSeconds(10), events);
        assertThat(s.transactionId()).isEqualTo(500);
        assertThat(s.startedAt()).isEqualTo(T0.minusSeconds(3));
        assertThat(s.residentId()).isEqualTo(7L);
        assertThat(s.unidentifiedReason()).isNull();
        assertThat(events).singleElement().isInstanceOf(SessionIdentified.class);
        s.applyTransaction(tx, MARIA, T0.plusSeconds(20), events);
        assertThat(events).hasSize(1);
    }

    @Test
    void anUnknownTagLeavesItUnidentifiedWithTheReason() {
        Session s = Session.fromTransaction(
                CONDO,
                1,
                running(500, T0, 0L, 0L),
                UNKNOWN,
                "Garagem 1",
                connector(ConnectorStatus.PREPARING, T0),
                T0,
                true,
                events);
        assertThat(s.residentId()).isNull();
        assertThat(s.idTag()).isEqualTo("DEADBEEF");
        assertThat(s.unidentifiedReason()).isEqualTo(UnidentifiedReason.TAG_NOT_REGISTERED);
    }

    @Test
    void aPlugInWithoutAnyTransactionEndsExplained() {
        Session s = Session.fromStatus(
                CONDO, 1, "uuid-1", "Garagem 1", connector(ConnectorStatus.PREPARING, T0), T0, true, events);
        s.applyStatus(
                connector(ConnectorStatus.AVAILABLE, T0.plusSeconds(95)),
                T0.plusSeconds(95),
                T0.plusSeconds(100),
                events);
        assertThat(s.open()).isFalse();
        assertThat(s.unidentifiedReason()).isEqualTo(UnidentifiedReason.NO_TRANSACTION);
    }

    @Test
    void aLongSessionIsFlaggedStuckOnceOrClosedWhenItsConnectorIsFree() {
        Session s = charging(true);
        events.clear();
        Instant later = T0.plusSeconds(13 * 3600);
        s.checkStuck(connector(ConnectorStatus.CHARGING, T0), later, events);
        s.checkStuck(connector(ConnectorStatus.CHARGING, T0), later.plusSeconds(10), events);
        assertThat(events).singleElement().isInstanceOf(SessionStuck.class);
        s.checkStuck(connector(ConnectorStatus.AVAILABLE, later.plusSeconds(20)), later.plusSeconds(30), events);
        assertThat(s.open()).isFalse();
        assertThat(s.endReason()).isEqualTo(EndReason.STUCK_CONNECTOR_AVAILABLE);
    }

    @Test
    void aChargerThatReportsEnergyOnlyAtTheEndLeavesItPendingUntilThen() {
        Session s = Session.fromTransaction(
                CONDO,
                1,
                running(500, T0, null, 0L),
                MARIA,
                "Garagem 1",
                connector(ConnectorStatus.CHARGING, T0),
                T0.plusSeconds(10),
                true,
                events);
        assertThat(s.energyPending()).isTrue();
        s.applyTransaction(
                stopped(500, T0, T0.plusSeconds(3600), 7000, EndReason.LOCAL), MARIA, T0.plusSeconds(3610), events);
        assertThat(s.energyPending()).isFalse();
        assertThat(s.energyWh()).isEqualTo(7000);
    }

    @Test
    void losingSightOfAnOpenSessionStopsMeasuringIt() {
        Session s = charging(true);
        s.lostSight();
        assertThat(s.observedLive()).isFalse();
        assertThat(s.chargingSince()).isNull();
        s.applyStatus(
                connector(ConnectorStatus.SUSPENDED_EV, T0.plusSeconds(900)),
                T0.plusSeconds(900),
                T0.plusSeconds(900),
                events);
        assertThat(s.closedIntervals()).isEmpty();
    }
}
