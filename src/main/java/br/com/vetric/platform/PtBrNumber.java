package br.com.vetric.platform;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a number typed by a person in Brazil: "0,80", "R$ 0,80", "R$ 0,80/kWh", "1.234,56", "1234". The comma is the
 * decimal separator and dots group thousands. A number written with a decimal point is accepted when it cannot be
 * read as thousands ("0.80", "1.5", "0.812345"); "1.250" is refused as ambiguous (one thousand two hundred and fifty,
 * or one and a quarter?), so nobody is charged a thousand times too much.
 */
public final class PtBrNumber {

    private static final Pattern COMMA = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d*),\\d+");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern THOUSANDS = Pattern.compile("-?[1-9]\\d{0,2}(\\.\\d{3})+");
    private static final Pattern POINT = Pattern.compile("-?\\d*\\.\\d+");

    private PtBrNumber() {}

    /** Why a text is not a number. */
    public enum Problem {
        NOT_A_NUMBER,
        AMBIGUOUS
    }

    /** A text that is not a number as Brazilians type them. */
    public static class InvalidNumberException extends IllegalArgumentException {

        private final Problem problem;

        InvalidNumberException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * @return the number, or null for a blank text
     * @throws InvalidNumberException when the text is not a number, or is ambiguous ("1.250")
     */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
        if (v.toUpperCase(Locale.ROOT).startsWith("R$")) {
            v = v.substring(2);
        }
        if (v.toLowerCase(Locale.ROOT).endsWith("/kwh")) {
            v = v.substring(0, v.length() - 4);
        }
        v = v.replace(" ", "");
        if (COMMA.matcher(v).matches()) {
            return new BigDecimal(v.replace(".", "").replace(',', '.'));
        }
        if (INTEGER.matcher(v).matches()) {
            return new BigDecimal(v);
        }
        if (THOUSANDS.matcher(v).matches()) {
            if (v.indexOf('.') == v.lastIndexOf('.')) {
                throw new InvalidNumberException(
                        Problem.AMBIGUOUS, "'" + text + "' is ambiguous: use a comma for decimals");
            }
            return new BigDecimal(v.replace(".", ""));
        }
        if (POINT.matcher(v).matches()) {
            return new BigDecimal(v);
        }
        throw new InvalidNumberException(Problem.NOT_A_NUMBER, "'" + text + "' is not a number");
    }
}
