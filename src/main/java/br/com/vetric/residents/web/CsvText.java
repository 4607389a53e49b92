package br.com.vetric.residents.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The text of an uploaded CSV, whatever spreadsheet saved it: a UTF-8 byte order mark means UTF-8; bytes that are
 * valid UTF-8 are UTF-8; anything else is read as Windows-1252 (which contains ISO-8859-1's printable characters, as
 * Excel saves "CSV" in Brazil). A file that is neither (control characters, UTF-16, bytes Windows-1252 does not
 * define) or that was converted twice ("JoÃ£o") is refused with a message saying how to save it: a name is never
 * stored as "Jo�o".
 */
final class CsvText {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** What the file was read as, for the page ("UTF-8", "Windows-1252"). */
    record Decoded(String text, String encoding) {}

    /** The file cannot be read as text; {@code messageKey} says why and how to save it. */
    static final class Unreadable extends Exception {

        private final String messageKey;

        Unreadable(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /** UTF-8 read back as Windows-1252 and saved again as UTF-8: "Ã£" for "ã", "Ã§" for "ç", "Ã©" for "é"... */
    private static final Pattern CONVERTED_TWICE =
            Pattern.compile("[ÃÂ][\\u00A0-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192"
                    + "\\u02C6\\u02DC\\u2013-\\u2122]");

    private CsvText() {}

    static Decoded decode(byte[] bytes) throws Unreadable {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw new Unreadable("residents.import.error.utf16");
        }
        Decoded decoded;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            String text = strict(StandardCharsets.UTF_8, bytes, 3);
            if (text == null) {
                throw new Unreadable("residents.import.error.encoding");
            }
            decoded = new Decoded(text, "UTF-8");
        } else {
            String utf8 = strict(StandardCharsets.UTF_8, bytes, 0);
            if (utf8 != null) {
                decoded = new Decoded(utf8, "UTF-8");
            } else {
                String windows = strict(WINDOWS_1252, bytes, 0);
                if (windows == null) {
                    throw new Unreadable("residents.import.error.encoding");
                }
                decoded = new Decoded(windows, "Windows-1252");
            }
        }
        check(decoded.text());
        return decoded;
    }

    private static void check(String text) throws Unreadable {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                throw new Unreadable("residents.import.error.encoding");
            }
        }
        if (CONVERTED_TWICE.matcher(text).find()) {
            throw new Unreadable("residents.import.error.convertedTwice");
        }
    }

    /** The bytes from {@code offset} decoded, or null when they are not valid in that charset. */
    private static String strict(Charset charset, byte[] bytes, int offset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
