package br.com.vetric.integrations.internal;

import java.math.BigInteger;

/** Bytes as base62 (0-9, A-Z, a-z): a key that survives URLs, shells and double-click selection. */
final class Base62 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private Base62() {}

    /** {@code bytes} as base62, padded to the length every value of that many bytes takes (32 bytes: 43). */
    static String encode(byte[] bytes) {
        int length = (int) Math.ceil(bytes.length * 8 / (Math.log(62) / Math.log(2)));
        StringBuilder s = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            s.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        while (s.length() < length) {
            s.append('0');
        }
        return s.reverse().toString();
    }
}
