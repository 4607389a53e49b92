package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AES-256-GCM of stored third-party secrets: versioned text, random nonce, bound to its place, tamper-evident. */
class SecretBoxTest {

    private static final String PLACE = "notification_settings.evolution_api_key:1";
    private final SecretBox box = new SecretBox(key());

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void aSecretIsStoredAsVersionedCiphertextAndReadBack() {
        String sealed = box.encrypt("my-evolution-key-ção", PLACE);
        assertThat(sealed).startsWith("v1:").doesNotContain("my-evolution-key");
        // nonce (12) + ciphertext (22 bytes of UTF-8) + tag (16)
        assertThat(Base64.getDecoder().decode(sealed.substring(3))).hasSize(12 + 22 + 16);
        assertThat(SecretBox.isEncrypted(sealed)).isTrue();
        assertThat(SecretBox.isEncrypted("my-evolution-key")).isFalse();
        assertThat(box.decrypt(sealed, PLACE)).isEqualTo("my-evolution-key-ção");
        assertThat(box.encrypt(null, PLACE)).isNull();
        assertThat(box.decrypt(null, PLACE)).isNull();
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTime() {
        assertThat(box.encrypt("same", PLACE)).isNotEqualTo(box.encrypt("same", PLACE));
    }

    @Test
    void aCiphertextMovedToAnotherRowOrColumnDoesNotDecrypt() {
        String sealed = box.encrypt("s3cr3t-value", PLACE);
        for (String elsewhere :
                new String[] {"notification_settings.evolution_api_key:2", "notification_settings.meta_access_token:1"
                }) {
            assertThatThrownBy(() -> box.decrypt(sealed, elsewhere))
                    .isInstanceOf(SecretBox.UnreadableSecretException.class)
                    .hasMessageContaining(elsewhere)
                    .hasMessageNotContaining("s3cr3t");
        }
    }

    @Test
    void anotherKeyOrAnAlteredValueDoesNotDecrypt() {
        String sealed = box.encrypt("token", PLACE);
        assertThatThrownBy(() -> new SecretBox(key()).decrypt(sealed, PLACE))
                .isInstanceOf(SecretBox.UnreadableSecretException.class)
                .hasMessageContaining("VETRIC_SECRETS_KEY");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length / 2] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.decrypt(altered, PLACE)).isInstanceOf(SecretBox.UnreadableSecretException.class);
        assertThatThrownBy(() -> box.decrypt("v1:short", PLACE))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
        assertThatThrownBy(() -> box.decrypt("clear-text", PLACE))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
    }
}
