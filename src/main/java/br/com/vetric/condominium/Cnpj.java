package br.com.vetric.condominium;

import java.util.Locale;

/**
 * The CNPJ, a Brazilian company's registration: 12 characters and 2 check digits (modulo 11). Since July 2026 the
 * Receita Federal also issues alphanumeric CNPJs (the first 12 characters may be letters A-Z, each worth its ASCII
 * code minus 48 in the check-digit sums); the rule below checks both kinds. Stored without punctuation, upper case.
 */
public final class Cnpj {

    private Cnpj() {}

    /**
     * "11.222.333/0001-81", "11222333000181" or "12.ABC.345/01DE-35" become "11222333000181" / "12ABC34501DE35".
     *
     * @throws IllegalArgumentException saying what is wrong (length, characters, check digits)
     */
    public static String normalize(String input) {
        String s = input.strip().toUpperCase(Locale.ROOT).replaceAll("[.\\-/\\s]", "");
        if (!s.matches("[0-9A-Z]{12}[0-9]{2}")) {
            throw new IllegalArgumentException(
                    "must have 14 characters: 12 letters or digits and 2 check digits (punctuation is optional)");
        }
        if (s.chars().distinct().count() == 1) {
            throw new IllegalArgumentException("is not a valid CNPJ (all characters alike)");
        }
        if (checkDigit(s, 12) != s.charAt(12) - '0' || checkDigit(s, 13) != s.charAt(13) - '0') {
            throw new IllegalArgumentException("is not a valid CNPJ (its check digits do not match)");
        }
        return s;
    }

    /** "11.222.333/0001-81" for people (a value that is not 14 characters is shown as it is). */
    public static String format(String cnpj) {
        if (cnpj == null || cnpj.length() != 14) {
            return cnpj == null ? "" : cnpj;
        }
        return cnpj.substring(0, 2) + "." + cnpj.substring(2, 5) + "." + cnpj.substring(5, 8) + "/"
                + cnpj.substring(8, 12) + "-" + cnpj.substring(12);
    }

    /** The check digit over the first {@code length} characters: weights 2..9 from the right, modulo 11. */
    private static int checkDigit(String s, int length) {
        int sum = 0;
        int weight = 2;
        for (int i = length - 1; i >= 0; i--) {
            sum += (s.charAt(i) - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }
}
