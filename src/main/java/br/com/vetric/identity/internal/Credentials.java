package br.com.vetric.identity.internal;

import br.com.vetric.identity.IdentityProperties;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
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
    static final int MIN_KEY_BYTES = 32;
    static final String HOW_TO = "it must be at least 32 random bytes, base64 or hex encoded; generate one with"
            + " `openssl rand -base64 48`";
    private static final Logger log = LoggerFactory.getLogger(Credentials.class);

    private final SecretKey signingKey;
    private final String adminPassword;

    Credentials(IdentityProperties props, Environment env) {
        boolean demo = env.getProperty("vetric.cpms.url", "").isBlank();
        String secret = props.jwtSecret();
        if (secret == null || secret.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("VETRIC_JWT_SECRET is required when VETRIC_CPMS_URL is set: " + HOW_TO);
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            this.signingKey = new SecretKeySpec(random, "HmacSHA256");
            log.info("Demo mode: API tokens are signed with a random key made at start");
        } else {
            this.signingKey = new SecretKeySpec(decodeSecret(secret.strip()), "HmacSHA256");
        }
        String password = props.adminPassword();
        if (password == null || password.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("VETRIC_ADMIN_PASSWORD is required when VETRIC_CPMS_URL is set");
            }
            password = DEMO_ADMIN_PASSWORD;
        }
        this.adminPassword = password;
    }

    /**
     * The key bytes of {@code VETRIC_JWT_SECRET}: hex ({@code openssl rand -hex 32}) or base64/base64url
     * ({@code openssl rand -base64 48}), at least 32 bytes. A value that looks typed by hand (a part repeated, or
     * base64 without both upper- and lower-case letters, which random base64 of this length has but a passphrase
     * rarely does) is refused too: a cheap guard, not a proof of randomness.
     */
    static byte[] decodeSecret(String secret) {
        byte[] key;
        boolean hex = secret.matches("(?:[0-9a-fA-F]{2})+");
        try {
            if (hex) {
                key = HexFormat.of().parseHex(secret);
            } else if (secret.matches("[A-Za-z0-9+/]+={0,2}")) {
                key = Base64.getDecoder().decode(secret);
            } else if (secret.matches("[A-Za-z0-9_-]+={0,2}")) {
                key = Base64.getUrlDecoder().decode(secret);
            } else {
                throw refused("it is neither base64 nor hex");
            }
        } catch (IllegalArgumentException e) {
            throw refused("it is neither base64 nor hex");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw refused("it decodes to " + key.length + " bytes");
        }
        if (repeatsItself(secret, hex ? 8 : 6)) {
            throw refused("a part of it repeats, so it was not made at random");
        }
        if (!hex
                && (secret.chars().noneMatch(Character::isUpperCase)
                        || secret.chars().noneMatch(Character::isLowerCase))) {
            throw refused("it lacks upper- or lower-case letters, so it was not made at random");
        }
        return key;
    }

    private static boolean repeatsItself(String s, int length) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i + length <= s.length(); i++) {
            if (!seen.add(s.substring(i, i + length))) {
                return true;
            }
        }
        return false;
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("VETRIC_JWT_SECRET refused (" + why + "): " + HOW_TO);
    }

    public SecretKey signingKey() {
        return signingKey;
    }

    public String adminPassword() {
        return adminPassword;
    }
}
