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
}
