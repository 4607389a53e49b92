package br.com.vetric.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.identity.IdentityProperties;
import br.com.vetric.support.Settings;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CredentialsTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static IdentityProperties props(String adminPassword, String secret) {
        Map<String, String> p = new java.util.HashMap<>(Map.of("admin-email", "ops@example.com"));
        if (adminPassword != null) {
            p.put("admin-password", adminPassword);
        }
        if (secret != null) {
            p.put("jwt-secret", secret);
        }
        return Settings.of(IdentityProperties.class, "vetric.identity", p);
    }

    private static MockEnvironment realCvePro() {
        return new MockEnvironment().withProperty("vetric.cpms.url", "https://cs.intelbras-cve-pro.com.br");
    }

    @Test
    void outsideTheDemoAMissingSigningSecretRefusesToStart() {
        assertThatThrownBy(() -> new Credentials(props("a-strong-password", null), realCvePro()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VETRIC_JWT_SECRET");
    }

    @Test
    void outsideTheDemoAMissingAdminPasswordRefusesToStart() {
        assertThatThrownBy(() -> new Credentials(props(" ", base64(48)), realCvePro()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VETRIC_ADMIN_PASSWORD");
    }

    @Test
    void aShortSecretIsRefusedEverywhere() {
        assertThatThrownBy(() -> new Credentials(props("x", "short"), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32");
    }

    @Test
    void aSecretOfFewerThan32RandomBytesIsRefusedSayingHowToMakeOne() {
        // 31 random bytes; a 43-character passphrase that used to pass (≥ 32 characters); a long typed phrase
        for (String weak : new String[] {
            base64(31),
            "test-secret-test-secret-test-secret-0123456789",
            "correcthorsebatterystapleandafewmorewordsofenglishtext",
            HexFormat.of().formatHex(random(31)),
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "not base64 at all, has spaces!!"
        }) {
            assertThatThrownBy(() -> new Credentials(props("a-strong-password", weak), realCvePro()))
                    .as(weak)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("VETRIC_JWT_SECRET")
                    .hasMessageContaining("openssl rand -base64 48")
                    .hasMessageNotContaining(weak);
        }
    }

    @Test
    void randomSecretsAreAcceptedAsBase64Base64UrlOrHexAndTheirBytesAreTheKey() {
        for (int i = 0; i < 2_000; i++) { // no false refusals of real random keys
            byte[] key = random(i % 2 == 0 ? 32 : 48);
            for (String encoded : new String[] {
                Base64.getEncoder().encodeToString(key),
                Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                HexFormat.of().formatHex(key)
            }) {
                assertThat(Credentials.decodeSecret(encoded)).as(encoded).isEqualTo(key);
            }
        }
        Credentials c = new Credentials(props("a-strong-password", " " + base64(48) + "\n"), realCvePro());
        assertThat(c.signingKey().getEncoded()).hasSize(48);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String base64(int n) {
        return Base64.getEncoder().encodeToString(random(n));
    }

    @Test
    void theDemoGetsARandomKeyAndTheDocumentedAdminPassword() {
        Credentials a = new Credentials(props(null, null), new MockEnvironment());
        Credentials b = new Credentials(props(null, null), new MockEnvironment());
        assertThat(a.adminPassword()).isEqualTo(Credentials.DEMO_ADMIN_PASSWORD);
        assertThat(a.signingKey().getEncoded()).isNotEqualTo(b.signingKey().getEncoded());
    }
}
