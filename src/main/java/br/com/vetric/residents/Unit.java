package br.com.vetric.residents;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A unit of the condominium: an apartment {@code number} and, in a condominium with several, a {@code tower}. The one
 * rule that turns what people type or import into a unit ({@link #parse}), used by the form, the API, the CSV import,
 * the filters and the migration of older rows:
 *
 * <ul>
 *   <li>Spaces are collapsed; words are compared without case. A leading apartment word is dropped: "Apartamento",
 *       "Apto", "Apt", "Ap", "Unidade", "Unid" (with or without a dot), and "nº"/"n°" before a number.
 *   <li>A tower word ("Torre", "Bloco", "Bl", "Edifício", "Ed", with or without a dot) names the tower, after the
 *       number ("802 Torre A", "Ap. 802 - Bloco B") or before it ("Bloco B, Apto 12").
 *   <li>A number followed by one letter, with or without a space, "-" or "/", is number and tower: "802 A", "802A",
 *       "802-A" and "802/A" are all unit 802, tower A.
 *   <li>A number loses its leading zeros ("0802" is 802). A tower loses its tower word ("Torre B" is B); a one-letter
 *       tower is upper-cased, a longer name keeps the case it was typed in ("Torre Jasmim" is Jasmim).
 *   <li>The tower may come from the tower field or from the apartment text; if both name different towers the input
 *       is refused ({@link Problem#TOWER_CONFLICT}).
 *   <li>Anything else ("Cobertura", "Casa 3", "Loja 2") is kept as typed, spaces collapsed: such units still work,
 *       and are found by their exact name.
 * </ul>
 *
 * People see a unit as {@link #label()}: "802 · Torre A", or "802" without a tower.
 */
public record Unit(String number, @Nullable String tower) {

    /** Why a unit was refused, and on which field. */
    public enum Problem {
        /** no apartment, or a tower word with no apartment */
        REQUIRED,
        /** longer than {@link ResidentCommand#MAX_UNIT} */
        TOO_LONG,
        /** the apartment text names one tower and the tower field another */
        TOWER_CONFLICT
    }

    /** Input that is not a unit; {@code field} is "apartment" or "tower". */
    public static final class Invalid extends IllegalArgumentException {

        private final String field;
        private final Problem problem;

        Invalid(String field, Problem problem, String message) {
            super(message);
            this.field = field;
            this.problem = problem;
        }

        public String field() {
            return field;
        }

        public Problem problem() {
            return problem;
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final String TOWER_WORD = "(?:torre|bloco|bl|edif[ií]cio|ed)(?!\\p{L})\\.?";
    private static final String SEPARATORS = "[\\s,;/–-]";
    private static final Pattern TOWER_FIRST =
            Pattern.compile("^" + TOWER_WORD + "\\s*(?<tower>[^\\s,;/]+)" + SEPARATORS + "+(?<rest>.+)$", FLAGS);
    private static final Pattern TOWER_LAST =
            Pattern.compile("^(?<rest>.*?)" + SEPARATORS + "*\\b" + TOWER_WORD + "\\s*(?<tower>[^\\s,;/].*)$", FLAGS);
    private static final Pattern UNIT_WORD = Pattern.compile(
            "^(?:(?:apartamento|apto|apt|ap|unidade|unid)(?!\\p{L})\\.?\\s*)?(?:n[º°]\\.?\\s*)?", FLAGS);
    private static final Pattern DIGITS = Pattern.compile("^(\\d+)$");
    private static final Pattern DIGITS_LETTER = Pattern.compile("^(\\d+)\\s*[-/]?\\s*(\\p{L})$", FLAGS);
    private static final Pattern LEADING_TOWER_WORD = Pattern.compile("^" + TOWER_WORD + "\\s*", FLAGS);

    public Unit {
        if (tower != null && tower.isBlank()) {
            tower = null;
        }
    }

    /** "802 · Torre A", or "802" without a tower. */
    public String label() {
        return tower == null ? number : number + " · Torre " + tower;
    }

    /** Whether the apartment is a number (as opposed to a named unit like "Cobertura"). */
    public boolean numeric() {
        return DIGITS.matcher(number).matches();
    }

    /** The unit as typed or imported: {@code apartment} as in "Apto 802 Torre A", {@code tower} the tower field. */
    public static Unit parse(@Nullable String apartment, @Nullable String tower) {
        String text = collapse(apartment);
        String towerField = collapse(tower);
        if (text.isEmpty()) {
            throw new Invalid("apartment", Problem.REQUIRED, "is required");
        }
        if (text.length() > ResidentCommand.MAX_UNIT) {
            throw new Invalid("apartment", Problem.TOO_LONG, "at most " + ResidentCommand.MAX_UNIT + " characters");
        }
        if (towerField.length() > ResidentCommand.MAX_UNIT) {
            throw new Invalid("tower", Problem.TOO_LONG, "at most " + ResidentCommand.MAX_UNIT + " characters");
        }
        Unit fromText = fromText(text);
        String fieldTower = normalTower(towerField);
        if (fromText.tower() != null && fieldTower != null && !fromText.tower().equalsIgnoreCase(fieldTower)) {
            throw new Invalid(
                    "tower",
                    Problem.TOWER_CONFLICT,
                    "the apartment names tower " + fromText.tower() + " and the tower field " + fieldTower);
        }
        return new Unit(fromText.number(), fromText.tower() != null ? fromText.tower() : fieldTower);
    }

    /** A unit typed in a search or filter box: "802" (any tower), "802 A" (one); empty when it is not a unit. */
    public static Optional<Unit> query(@Nullable String text) {
        try {
            return Optional.of(parse(text, null));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    private static Unit fromText(String text) {
        Matcher first = TOWER_FIRST.matcher(text);
        if (first.matches()) {
            Unit rest = number(first.group("rest"));
            if (rest.numeric()) {
                return withTower(rest, normalTower(first.group("tower")));
            }
        }
        Matcher last = TOWER_LAST.matcher(text);
        if (last.matches()) {
            String rest = last.group("rest");
            if (UNIT_WORD.matcher(rest).replaceFirst("").isBlank()) {
                throw new Invalid("apartment", Problem.REQUIRED, "names a tower but no apartment");
            }
            return withTower(number(rest), normalTower(last.group("tower")));
        }
        return number(text);
    }

    private static Unit withTower(Unit unit, @Nullable String tower) {
        if (unit.tower() != null && tower != null && !unit.tower().equalsIgnoreCase(tower)) {
            throw new Invalid(
                    "tower", Problem.TOWER_CONFLICT, "the apartment names towers " + unit.tower() + " and " + tower);
        }
        return new Unit(unit.number(), unit.tower() != null ? unit.tower() : tower);
    }

    /** "Apto 0802" → 802; "802-a" → 802, A; anything else as typed. */
    private static Unit number(String text) {
        String rest = UNIT_WORD.matcher(text.strip()).replaceFirst("").strip();
        if (rest.isEmpty()) {
            return new Unit(text.strip(), null);
        }
        Matcher digits = DIGITS.matcher(rest);
        if (digits.matches()) {
            return new Unit(withoutLeadingZeros(digits.group(1)), null);
        }
        Matcher lettered = DIGITS_LETTER.matcher(rest);
        if (lettered.matches()) {
            return new Unit(
                    withoutLeadingZeros(lettered.group(1)), lettered.group(2).toUpperCase(Locale.ROOT));
        }
        return new Unit(text.strip(), null);
    }

    private static @Nullable String normalTower(String typed) {
        String t = collapse(typed);
        String withoutWord = LEADING_TOWER_WORD.matcher(t).replaceFirst("").strip();
        if (!withoutWord.isEmpty()) {
            t = withoutWord;
        }
        if (t.isEmpty()) {
            return null;
        }
        if (DIGITS.matcher(t).matches()) {
            return withoutLeadingZeros(t);
        }
        return t.codePointCount(0, t.length()) == 1 ? t.toUpperCase(Locale.ROOT) : t;
    }

    private static String withoutLeadingZeros(String digits) {
        String s = digits.replaceFirst("^0+", "");
        return s.isEmpty() ? "0" : s;
    }

    private static String collapse(@Nullable String s) {
        return s == null ? "" : s.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
    }
}
