package br.com.vetric.residentapp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The residents' app's sign-in.
 *
 * @param codeTtl             how long a sign-in code may be used
 * @param codesPerPhone       codes one phone may be sent within {@code codeWindow}
 * @param codeWindow          the window of {@code codesPerPhone} and of the per-source limits
 * @param wrongTries          wrong codes that void a code
 * @param requestsPerSource   code requests one address may make within {@code codeWindow} (429 after)
 * @param attemptsPerSource   token requests (code checks) one address may make within {@code codeWindow} (429 after)
 * @param trackedSources      addresses kept in memory for the per-source limits (least recently used first out)
 * @param pushAllowInsecure   accept push subscriptions whose endpoint is http on a loopback address (tests only;
 *                            {@code VETRIC_PUSH_ALLOW_INSECURE}); otherwise only https endpoints
 */
@Validated
@ConfigurationProperties("vetric.resident-app")
public record ResidentAppProperties(
        @DefaultValue("5m") @DurationMin(seconds = 30) Duration codeTtl,
        @DefaultValue("3") @Min(1) int codesPerPhone,
        @DefaultValue("15m") @DurationMin(minutes = 1) Duration codeWindow,
        @DefaultValue("5") @Min(1) @Max(20) int wrongTries,
        @DefaultValue("10") @Min(1) int requestsPerSource,
        @DefaultValue("30") @Min(1) int attemptsPerSource,
        @DefaultValue("10000") @Min(100) int trackedSources,
        @DefaultValue("false") boolean pushAllowInsecure) {}
