package br.com.vetric.cpms;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("vetric.cpms")
public record CpmsProperties(
        @Nullable String url,
        @Nullable String apiKey,
        @Nullable String email,
        @Nullable String password,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("3") @Min(1) int retryAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("48h") @DurationMin(hours = 48) Duration transactionWindow,
        @DefaultValue("23h") Duration tokenRenewAfter,
        @DefaultValue("30s") Duration circuitOpenFor,
        @DefaultValue("62d") Duration backfillWindow,
        @DefaultValue("32MB") DataSize maxResponseSize) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "CpmsProperties[url=" + url + ", email=" + email + ", apiKey=***, password=***]";
    }
}
