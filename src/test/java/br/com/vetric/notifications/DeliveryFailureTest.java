package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a gateway's HTTP status is classified for the delivery log (and whether it is retried). */
class DeliveryFailureTest {

    @Test
    void statusCodesAreClassifiedAndOnlyTransientOnesRetried() {
        assertThat(DeliveryFailure.ofStatus(400)).isEqualTo(DeliveryFailure.GATEWAY_REJECTED);
        assertThat(DeliveryFailure.ofStatus(404)).isEqualTo(DeliveryFailure.GATEWAY_REJECTED);
        assertThat(DeliveryFailure.ofStatus(301)).isEqualTo(DeliveryFailure.GATEWAY_REJECTED);
        assertThat(DeliveryFailure.ofStatus(401)).isEqualTo(DeliveryFailure.UNAUTHORIZED);
        assertThat(DeliveryFailure.ofStatus(403)).isEqualTo(DeliveryFailure.UNAUTHORIZED);
        assertThat(DeliveryFailure.ofStatus(429)).isEqualTo(DeliveryFailure.RATE_LIMITED);
        assertThat(DeliveryFailure.ofStatus(408)).isEqualTo(DeliveryFailure.TIMEOUT);
        assertThat(DeliveryFailure.ofStatus(500)).isEqualTo(DeliveryFailure.GATEWAY_ERROR);
        assertThat(DeliveryFailure.ofStatus(503)).isEqualTo(DeliveryFailure.GATEWAY_ERROR);
        assertThat(DeliveryFailure.GATEWAY_REJECTED.retryable()).isFalse();
        assertThat(DeliveryFailure.UNAUTHORIZED.retryable()).isFalse();
        assertThat(DeliveryFailure.RATE_LIMITED.retryable()).isTrue();
        assertThat(DeliveryFailure.GATEWAY_ERROR.retryable()).isTrue();
        assertThat(DeliveryFailure.TIMEOUT.retryable()).isTrue();
    }
}
