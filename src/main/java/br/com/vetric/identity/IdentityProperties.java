package br.com.vetric.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminEmail    first administrator's e-mail ({@code VETRIC_ADMIN_EMAIL})
 * @param adminPassword first administrator's password ({@code VETRIC_ADMIN_PASSWORD}); required outside the demo
 * @param jwtSecret     HMAC key that signs API tokens ({@code VETRIC_JWT_SECRET}): at least 32 random bytes, base64
 *                      or hex encoded ({@code openssl rand -base64 48}); required outside the demo
 * @param tokenTtl      lifetime of an API token ({@code VETRIC_TOKEN_TTL}, default 1 h)
 * @param loginThrottle how failed logins slow down their source address
 * @param invitationTtl how long an invitation link (a user created without a password) may be used
 */
@Validated
@ConfigurationProperties("vetric.identity")
public record IdentityProperties(
        @DefaultValue("admin@vetric.local") @NotBlank String adminEmail,
        String adminPassword,
        String jwtSecret,
        @DefaultValue("1h") @DurationMin(seconds = 1) Duration tokenTtl,
        @DefaultValue @Valid LoginThrottle loginThrottle,
        @DefaultValue("7d") @DurationMin(minutes = 5) Duration invitationTtl) {

    public IdentityProperties {
        adminEmail = adminEmail.strip();
    }

    /**
     * Failed logins are counted per source address and per (source address, e-mail) in token buckets that refill
     * evenly over {@code window}; when a bucket is empty that source gets 429 with {@code Retry-After} (for that
     * e-mail, or for every e-mail) until it refills. A correct password from another address is never held back.
     *
     * @param failuresPerSource  failed logins one address may make within {@code window}, whatever the e-mails
     * @param failuresPerAccount failed logins one address may make for one e-mail within {@code window}
     * @param window             the time in which the buckets refill completely
     * @param trackedKeys        most buckets kept in memory (least recently used go first), so that many
     *                           addresses cannot exhaust memory
     */
    public record LoginThrottle(
            @DefaultValue("20") @Min(1) int failuresPerSource,
            @DefaultValue("5") @Min(1) int failuresPerAccount,
            @DefaultValue("15m") @DurationMin(seconds = 1) Duration window,
            @DefaultValue("20000") @Min(1) int trackedKeys) {}

    @Override
    public String toString() {
        return "IdentityProperties[adminEmail=" + adminEmail + ", tokenTtl=" + tokenTtl + ", loginThrottle="
                + loginThrottle + ", invitationTtl=" + invitationTtl + ", secrets=***]";
    }
}
