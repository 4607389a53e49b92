package br.com.vetric.sessions;

import static br.com.vetric.sessions.SessionStatus.CHARGING;
import static br.com.vetric.sessions.SessionStatus.ERROR;
import static br.com.vetric.sessions.SessionStatus.FINISHED;
import static br.com.vetric.sessions.SessionStatus.STARTED;
import static br.com.vetric.sessions.SessionStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.sessions.internal.SessionStateMachine;
import br.com.vetric.shared.ConnectorStatus;
import org.junit.jupiter.api.Test;

class SessionStateMachineTest {

    @Test
    void followsTheBriefsTableForEveryStatus() {
        assertThat(SessionStateMachine.next(null, ConnectorStatus.PREPARING, false))
                .isEqualTo(STARTED);
        assertThat(SessionStateMachine.next(null, ConnectorStatus.OCCUPIED, false))
                .isEqualTo(STARTED);
        assertThat(SessionStateMachine.next(STARTED, ConnectorStatus.CHARGING, false))
                .isEqualTo(CHARGING);
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.SUSPENDED_EV, false))
                .isEqualTo(SUSPENDED);
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.SUSPENDED_EVSE, false))
                .isEqualTo(SUSPENDED);
        assertThat(SessionStateMachine.next(SUSPENDED, ConnectorStatus.CHARGING, false))
                .isEqualTo(CHARGING);
        assertThat(SessionStateMachine.next(SUSPENDED, ConnectorStatus.FINISHING, false))
                .isEqualTo(SUSPENDED);
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.AVAILABLE, false))
                .isEqualTo(FINISHED);
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.FAULTED, false))
                .isEqualTo(ERROR);
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.UNAVAILABLE, false))
                .isEqualTo(CHARGING);
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.RESERVED, false))
                .isEqualTo(CHARGING);
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.UNKNOWN, false))
                .isEqualTo(CHARGING);
    }

    @Test
    void anErrorCodeMeansErrorWhateverTheStatus() {
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.CHARGING, true))
                .isEqualTo(ERROR);
        assertThat(SessionStateMachine.next(ERROR, ConnectorStatus.CHARGING, false))
                .isEqualTo(CHARGING);
    }

    @Test
    void preparingDoesNotTakeAChargingSessionBack() {
        assertThat(SessionStateMachine.next(CHARGING, ConnectorStatus.PREPARING, false))
                .isEqualTo(CHARGING);
        assertThat(SessionStateMachine.next(SUSPENDED, ConnectorStatus.OCCUPIED, false))
                .isEqualTo(SUSPENDED);
    }

    @Test
    void onlyPlugInAndChargingStatusesOpenASession() {
        for (ConnectorStatus s : ConnectorStatus.values()) {
            boolean expected =
                    s == ConnectorStatus.PREPARING || s == ConnectorStatus.OCCUPIED || s == ConnectorStatus.CHARGING;
            assertThat(SessionStateMachine.opensSession(s)).as(s.name()).isEqualTo(expected);
        }
    }
}
