package br.com.vetric.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/** Phone numbers: typed the Brazilian way, stored as E.164, masked in logs. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {}

    /**
     * "(11) 98765-4321", "11987654321" or "+55 11 98765-4321" become "+5511987654321".
     *
     * @throws IllegalArgumentException naming why the number is not valid
     */
    public static String toE164(@Nullable String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("phone number is empty");
        }
        try {
            PhoneNumber number = UTIL.parse(input.strip(), "BR");
            if (!UTIL.isValidNumber(number)) {
                throw new IllegalArgumentException("'" + input.strip() + "' is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + input.strip() + "' is not a phone number");
        }
    }

    /** "+55 (11) 98765-4321" for people. */
    public static String display(@Nullable String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        try {
            PhoneNumber number = UTIL.parse(e164, "BR");
            return number.getCountryCode() == 55
                    ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
                    : UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** "+55119****4321": enough to tell numbers apart in a log, not enough to call. */
    public static String mask(@Nullable String phone) {
        if (phone == null || phone.length() < 6) {
            return "***";
        }
        int keepStart = Math.min(5, phone.length() - 4);
        return phone.substring(0, keepStart)
                + "*".repeat(phone.length() - keepStart - 4)
                + phone.substring(phone.length() - 4);
    }
}
