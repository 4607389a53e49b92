package br.com.vetric.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets VETRIC keeps for third parties (gateway keys, tokens) before they reach the database.
 * AES-256-GCM with a random 96-bit nonce per value, written as {@code v1:<base64(nonce | ciphertext | tag)>}.
 * The {@code context} (e.g. {@code "notification_settings.evolution_api_key:42"}) is authenticated with the value:
 * a ciphertext copied to another row or column does not decrypt. The key is {@code VETRIC_SECRETS_KEY}.
 */
public final class SecretBox {

    /** The prefix of every value this class wrote; anything else is clear text (written by an older version). */
    public static final String PREFIX = "v1:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(byte[] key) {
        if (key.length != SecretsKey.LENGTH) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Whether {@code value} was written by {@link #encrypt} (as opposed to clear text from an older version). */
    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The encrypted form of {@code plaintext} bound to {@code context}; null stays null. */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext of a value written by {@link #encrypt} with the same context; null stays null.
     *
     * @throws UnreadableSecretException when the value is not in this format, was encrypted with another key or
     *                                   for another context, or was altered
     */
    public String decrypt(String encrypted, String context) {
        if (encrypted == null) {
            return null;
        }
        if (!isEncrypted(encrypted)) {
            throw new UnreadableSecretException(context, "it is not encrypted (no " + PREFIX + " prefix)");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException(context, "it is not valid base64");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException(context, "it is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(data, NONCE_BYTES), context);
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UnreadableSecretException(
                    context,
                    "VETRIC_SECRETS_KEY is not the key it was encrypted with, "
                            + "or the value was altered or copied from another place");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, key=***]";
    }

    /** A stored secret that cannot be decrypted; the message names its place, never its value. */
    public static final class UnreadableSecretException extends IllegalStateException {

        private final String context;

        UnreadableSecretException(String context, String why) {
            super("cannot decrypt the secret stored in " + context + ": " + why);
            this.context = context;
        }

        public String context() {
            return context;
        }
    }
}
