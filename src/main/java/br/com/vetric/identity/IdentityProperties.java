package br.com.vetric.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminEmail    first administrator's e-mail ({@code VETRIC_ADMIN_EMAIL})
 * @param adminPassword first administrator's password ({@code VETRIC_ADMIN_PASSWORD}); required outside the demo
 * @param jwtSecret     HMAC key that signs API tokens ({@code VETRIC_JWT_SECRET}): at least 32 random bytes, base64
 *                      or hex encoded ({@code openssl rand -base64 48}); required outside the demo
 * @param tokenTtl      lifetime of an API token ({@code VETRIC_TOKEN_TTL}, default 1 h)
 * @param loginThrottle how failed logins slow down their source address
 */
@ConfigurationProperties("vetric.identity")
public record IdentityProperties(String adminEmail, String adminPassword, String jwtSecret, Duration tokenTtl,
                                 LoginThrottle loginThrottle) {

    public IdentityProperties {
        adminEmail = adminEmail == null || adminEmail.isBlank() ? "admin@vetric.local" : adminEmail.strip();
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("vetric.identity.token-ttl must be positive");
        }
        loginThrottle = loginThrottle == null ? new LoginThrottle(null, null, null, null) : loginThrottle;
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
    public record LoginThrottle(Integer failuresPerSource, Integer failuresPerAccount, Duration window,
                                Integer trackedKeys) {

        public LoginThrottle {
            failuresPerSource = failuresPerSource == null ? 20 : failuresPerSource;
            failuresPerAccount = failuresPerAccount == null ? 5 : failuresPerAccount;
            window = window == null ? Duration.ofMinutes(15) : window;
            trackedKeys = trackedKeys == null ? 20_000 : trackedKeys;
            if (failuresPerSource < 1 || failuresPerAccount < 1 || trackedKeys < 1 || window.isNegative()
                    || window.isZero()) {
                throw new IllegalArgumentException("vetric.identity.login-throttle: counts and window must be positive");
            }
        }
    }

    @Override
    public String toString() {
        return "IdentityProperties[adminEmail=" + adminEmail + ", tokenTtl=" + tokenTtl + ", loginThrottle="
                + loginThrottle + ", secrets=***]";
    }
}
