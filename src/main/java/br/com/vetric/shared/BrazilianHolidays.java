package br.com.vetric.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Brazil's national holidays as the distribution utilities treat them for the peak window (ANEEL): the fixed
 * federal holidays (including Consciência Negra, 20 Nov, national since 2024) plus Good Friday and Corpus Christi,
 * computed from Easter. Carnival is a "ponto facultativo", not a national holiday, so Carnival Monday and Tuesday
 * are working days here (their evenings are peak). State and municipal holidays are not considered.
 */
public final class BrazilianHolidays {

    private static final Map<MonthDay, String> FIXED = Map.of(
            MonthDay.of(1, 1), "Confraternização Universal",
            MonthDay.of(4, 21), "Tiradentes",
            MonthDay.of(5, 1), "Dia do Trabalho",
            MonthDay.of(9, 7), "Independência do Brasil",
            MonthDay.of(10, 12), "Nossa Senhora Aparecida",
            MonthDay.of(11, 2), "Finados",
            MonthDay.of(11, 15), "Proclamação da República",
            MonthDay.of(11, 20), "Dia Nacional de Zumbi e da Consciência Negra",
            MonthDay.of(12, 25), "Natal");

    private BrazilianHolidays() {}

    public static Optional<String> name(LocalDate date) {
        String fixed = FIXED.get(MonthDay.from(date));
        if (fixed != null && (date.getMonthValue() != 11 || date.getDayOfMonth() != 20 || date.getYear() >= 2024)) {
            return Optional.of(fixed);
        }
        LocalDate easter = easter(date.getYear());
        if (date.equals(easter.minusDays(2))) {
            return Optional.of("Paixão de Cristo");
        }
        if (date.equals(easter.plusDays(60))) {
            return Optional.of("Corpus Christi");
        }
        return Optional.empty();
    }

    public static boolean isHoliday(LocalDate date) {
        return name(date).isPresent();
    }

    /** Monday to Friday and not a national holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The holidays of a month, in date order (for the statement). */
    public static Map<LocalDate, String> inMonth(java.time.YearMonth month) {
        Map<LocalDate, String> result = new TreeMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            LocalDate day = d;
            name(d).ifPresent(n -> result.put(day, n));
        }
        return result;
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
