package br.com.vetric.cpms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How VETRIC reaches CVE-PRO.
 *
 * @param url               base URL, e.g. https://cs.intelbras-cve-pro.com.br ({@code VETRIC_CPMS_URL}); blank =
 *                          the built-in simulator
 * @param apiKey            tenant API key ({@code VETRIC_CPMS_API_KEY})
 * @param email             login e-mail ({@code VETRIC_CPMS_EMAIL})
 * @param password          login password ({@code VETRIC_CPMS_PASSWORD})
 * @param timeout           connect and read timeout of each call
 * @param retryAttempts     attempts per call on network errors and 5xx
 * @param retryBackoff      first back-off between attempts (doubles, with jitter)
 * @param transactionWindow how far back transactions are read (at least 48 h)
 * @param tokenRenewAfter   log in again after this long, ahead of the token's (undocumented) expiry
 * @param circuitOpenFor    after repeated failures, how long calls are not even attempted
 * @param backfillWindow    how far back the first successful poll of a condominium reads, to import history
 * @param maxResponseSize   the largest answer read from CVE-PRO (default 32MB; a list of 10,000 chargers is about
 *                          10MB); a larger one fails the poll, which then changes nothing
 */
@ConfigurationProperties("vetric.cpms")
public record CpmsProperties(String url, String apiKey, String email, String password, Duration timeout,
                             Integer retryAttempts, Duration retryBackoff, Duration transactionWindow,
                             Duration tokenRenewAfter, Duration circuitOpenFor, Duration backfillWindow,
                             DataSize maxResponseSize) {

    public CpmsProperties {
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        retryAttempts = retryAttempts == null ? 3 : retryAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        transactionWindow = transactionWindow == null ? Duration.ofHours(48) : transactionWindow;
        if (transactionWindow.compareTo(Duration.ofHours(48)) < 0) {
            throw new IllegalArgumentException("vetric.cpms.transaction-window must be at least 48h, was " + transactionWindow);
        }
        tokenRenewAfter = tokenRenewAfter == null ? Duration.ofHours(23) : tokenRenewAfter;
        circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(30) : circuitOpenFor;
        backfillWindow = backfillWindow == null ? Duration.ofDays(62) : backfillWindow;
        maxResponseSize = maxResponseSize == null ? DataSize.ofMegabytes(32) : maxResponseSize;
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "CpmsProperties[url=" + url + ", email=" + email + ", apiKey=***, password=***]";
    }
}
