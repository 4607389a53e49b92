package br.com.vetric.identity.internal;

import br.com.vetric.identity.IdentityProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The API token signing key and the first admin's password. Outside the demo (a real CVE-PRO configured)
 * VETRIC refuses to start without a real signing secret and an admin password.
 */
@Component
public class Credentials {

    public static final String DEMO_ADMIN_PASSWORD = "vetric-admin";
    private static final Logger log = LoggerFactory.getLogger(Credentials.class);

    private final SecretKey signingKey;
    private final String adminPassword;

    Credentials(IdentityProperties props, Environment env) {
        boolean demo = env.getProperty("vetric.cpms.url", "").isBlank();
        String secret = props.jwtSecret();
        if (secret == null || secret.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("VETRIC_JWT_SECRET is required (at least 32 characters) when VETRIC_CPMS_URL is set");
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            log.info("Demo mode: API tokens are signed with a random key made at start");
        } else if (secret.length() < 32) {
            throw new IllegalStateException("VETRIC_JWT_SECRET must have at least 32 characters");
        }
        this.signingKey = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String password = props.adminPassword();
        if (password == null || password.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("VETRIC_ADMIN_PASSWORD is required when VETRIC_CPMS_URL is set");
            }
            password = DEMO_ADMIN_PASSWORD;
        }
        this.adminPassword = password;
    }

    public SecretKey signingKey() {
        return signingKey;
    }

    public String adminPassword() {
        return adminPassword;
    }
}
