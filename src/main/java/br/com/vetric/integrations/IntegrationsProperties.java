package br.com.vetric.integrations;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API keys and webhooks.
 *
 * @param rateLimitPerMinute     an API key's requests per minute unless it was created with its own
 *                               ({@code VETRIC_API_RATE_LIMIT})
 * @param webhooksAllowPrivate   let webhooks call private, loopback and plain-http addresses: on-premises setups, the
 *                               demo and tests ({@code VETRIC_WEBHOOKS_ALLOW_PRIVATE})
 * @param webhooksEnabled        whether the delivery worker runs on its own ({@code VETRIC_WEBHOOKS_ENABLED})
 * @param webhooksTick           time between two runs of the delivery worker
 * @param webhooksBackoff        the waits after the 1st, 2nd… failed attempt (about 3 days in all); the last one
 *                               repeats until {@code webhooksDisableAfter}
 * @param webhooksJitter         each wait is moved at random by up to this fraction
 * @param webhooksDisableAfter   an endpoint failing this long (no success) is disabled and its deliveries FAILED
 * @param webhooksRotationOverlap how long the previous secret keeps signing after a rotation
 * @param webhooksBodyRetention  how long a delivery's body is kept (the log keeps the rest)
 * @param webhooksConnectTimeout connect timeout towards an endpoint
 * @param webhooksTimeout        whole-request timeout towards an endpoint
 * @param webhooksLease          how long a claimed delivery is reserved before another worker may retry it
 * @param webhooksBatchSize      deliveries claimed at a time
 */
@Validated
@ConfigurationProperties("vetric.integrations")
public record IntegrationsProperties(
        @DefaultValue("100") @Min(1) int rateLimitPerMinute,
        @DefaultValue("false") boolean webhooksAllowPrivate,
        @DefaultValue("true") boolean webhooksEnabled,
        @DefaultValue("1s") @DurationMin(millis = 10) Duration webhooksTick,

        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h"}) @NotEmpty
        List<Duration> webhooksBackoff,

        @DefaultValue("0.2") @DecimalMin("0") @DecimalMax("0.5")
        double webhooksJitter,

        @DefaultValue("3d") Duration webhooksDisableAfter,
        @DefaultValue("24h") Duration webhooksRotationOverlap,
        @DefaultValue("7d") Duration webhooksBodyRetention,
        @DefaultValue("5s") Duration webhooksConnectTimeout,
        @DefaultValue("10s") Duration webhooksTimeout,
        @DefaultValue("1m") Duration webhooksLease,
        @DefaultValue("50") @Min(1) int webhooksBatchSize) {}
