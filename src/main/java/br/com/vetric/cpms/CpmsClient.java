package br.com.vetric.cpms;

import java.time.Instant;

/** Reads CVE-PRO. Implementations handle login, token renewal, retries and the circuit breaker. */
public interface CpmsClient {

    /**
     * Reads the charge points and the transactions of the rolling window ending at {@code now}.
     *
     * @throws CpmsUnavailableException when either read fails after retries
     */
    CpmsSnapshot fetch(Instant now);

    /**
     * Like {@link #fetch(Instant)} with a longer transaction window: the first poll of a condominium imports its
     * history.
     */
    default CpmsSnapshot fetch(Instant now, java.time.Duration transactionWindow) {
        return fetch(now);
    }
}
