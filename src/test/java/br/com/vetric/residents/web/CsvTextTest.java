package br.com.vetric.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bytes spreadsheets really write, read back as the text people typed, or refused: never "Jo�o". */
class CsvTextTest {

    static final String CSV = "nome;apartamento\nJoão Conceição;Apto 802\nÂngela Muñoz;Cobertura\n";

    @Test
    void readsUtf8WithAndWithoutTheByteOrderMark() throws Exception {
        byte[] plain = CSV.getBytes(StandardCharsets.UTF_8);
        assertThat(CsvText.decode(plain)).isEqualTo(new CsvText.Decoded(CSV, "UTF-8"));
        assertThat(CsvText.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain)))
                .isEqualTo(new CsvText.Decoded(CSV, "UTF-8"));
    }

    @Test
    void readsWindows1252AndIso88591WithTheirAccentsIntact() throws Exception {
        byte[] windows = CSV.getBytes(Charset.forName("windows-1252"));
        assertThat(windows).contains((byte) 0xE3, (byte) 0xE7); // ã, ç: one byte each, not valid UTF-8
        assertThat(CsvText.decode(windows)).isEqualTo(new CsvText.Decoded(CSV, "Windows-1252"));
        assertThat(CsvText.decode(CSV.getBytes(StandardCharsets.ISO_8859_1)).text())
                .isEqualTo(CSV);
        String typographic = "nome;apartamento\n“Zé” – o síndico;101\n"; // quotes and dash only Windows-1252 has
        assertThat(CsvText.decode(typographic.getBytes(Charset.forName("windows-1252")))
                        .text())
                .isEqualTo(typographic);
    }

    @Test
    void refusesUtf16BinaryAndUndefinedBytesWithAMessageSayingHowToSaveTheFile() {
        assertRefused(CSV.getBytes(StandardCharsets.UTF_16LE), "residents.import.error.encoding"); // NUL bytes
        assertRefused(
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, CSV.getBytes(StandardCharsets.UTF_16LE)),
                "residents.import.error.utf16");
        assertRefused(
                new byte[] {'n', 'o', 'm', 'e', '\n', 'J', 'o', (byte) 0x81, 'o'}, "residents.import.error.encoding");
        assertRefused(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, "residents.import.error.encoding"); // an .xlsx
        assertRefused(
                "nome;apartamento\nJo\uFFFDo;101\n".getBytes(StandardCharsets.UTF_8),
                "residents.import.error.encoding");
    }

    @Test
    void refusesAFileConvertedTwice() throws Exception {
        byte[] twice = new String(CSV.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"))
                .getBytes(StandardCharsets.UTF_8); // "JoÃ£o ConceiÃ§Ã£o"
        assertRefused(twice, "residents.import.error.convertedTwice");
        assertThat(CsvText.decode(ok("nome;apartamento\nSÃO PAULO;101\n"))).isNotNull();
    }

    private static byte[] ok(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(byte[] bytes, String key) {
        assertThatThrownBy(() -> CsvText.decode(bytes))
                .isInstanceOfSatisfying(
                        CsvText.Unreadable.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
