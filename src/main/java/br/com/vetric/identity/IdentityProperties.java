package br.com.vetric.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminEmail       first administrator's e-mail ({@code VETRIC_ADMIN_EMAIL})
 * @param adminPassword    first administrator's password ({@code VETRIC_ADMIN_PASSWORD}); required outside the demo
 * @param jwtSecret        HMAC secret that signs API tokens ({@code VETRIC_JWT_SECRET}), at least 32 characters;
 *                         required outside the demo
 * @param tokenTtl         lifetime of an API token
 * @param maxFailedLogins  failed logins in a row before the account is locked for {@code lockout}
 * @param lockout          how long a locked account stays locked
 */
@ConfigurationProperties("vetric.identity")
public record IdentityProperties(String adminEmail, String adminPassword, String jwtSecret, Duration tokenTtl,
                                 Integer maxFailedLogins, Duration lockout) {

    public IdentityProperties {
        adminEmail = adminEmail == null || adminEmail.isBlank() ? "admin@vetric.local" : adminEmail.strip();
        tokenTtl = tokenTtl == null ? Duration.ofHours(12) : tokenTtl;
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }

    @Override
    public String toString() {
        return "IdentityProperties[adminEmail=" + adminEmail + ", tokenTtl=" + tokenTtl + ", secrets=***]";
    }
}
