package br.com.vetric.condominium;

import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.shared.Phones;
import br.com.vetric.shared.Zones;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A condominium as typed (API or page). Blank optional values mean none; {@code timeZone} defaults to
 * America/Sao_Paulo, {@code plan} to basic, {@code active} to true. {@link #normalized()} checks it, naming the field.
 */
public record CondominiumCommand(
        String name,
        String cnpj,
        String address,
        String phone,
        String email,
        String timeZone,
        String plan,
        Boolean active) {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 500;
    private static final Map<String, String> ZONES_BY_LOWER_CASE = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toUnmodifiableMap(z -> z.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

    public static CondominiumCommand named(String name) {
        return new CondominiumCommand(name, null, null, null, null, null, null, null);
    }

    /** The same values, active or not. */
    public CondominiumCommand withActive(boolean value) {
        return new CondominiumCommand(name, cnpj, address, phone, email, timeZone, plan, value);
    }

    /** The same values on another plan (a code: basic, premium, enterprise). */
    public CondominiumCommand withPlan(String value) {
        return new CondominiumCommand(name, cnpj, address, phone, email, timeZone, value, active);
    }

    /**
     * The same values, checked and in their stored form: name and texts trimmed, CNPJ without punctuation (check
     * digits verified), phone as E.164, the time zone as its IANA id, the plan as its code.
     *
     * @throws InvalidInputException naming the first field that is wrong
     */
    public CondominiumCommand normalized() {
        String n = blankToNull(name);
        if (n == null) {
            throw new InvalidInputException("name", "is required");
        }
        if (n.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must have at most " + MAX_NAME + " characters");
        }
        String c = blankToNull(cnpj);
        if (c != null) {
            try {
                c = Cnpj.normalize(c);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cnpj", e.getMessage());
            }
        }
        String a = blankToNull(address);
        if (a != null && a.length() > MAX_TEXT) {
            throw new InvalidInputException("address", "must have at most " + MAX_TEXT + " characters");
        }
        String p = blankToNull(phone);
        if (p != null) {
            try {
                p = Phones.toE164(p);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("phone", "is not a valid phone number");
            }
        }
        String e = blankToNull(email);
        if (e != null && (e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInputException("email", "is not a valid e-mail address");
        }
        String zone = blankToNull(timeZone);
        if (zone == null) {
            zone = Zones.SAO_PAULO.getId();
        } else {
            String known = zone.contains("/") ? ZONES_BY_LOWER_CASE.get(zone.toLowerCase(Locale.ROOT)) : null;
            if (known == null) {
                throw new InvalidInputException(
                        "timeZone", "is not an IANA time zone (a region such as America/Sao_Paulo or America/Manaus)");
            }
            zone = known;
        }
        String planCode = blankToNull(plan);
        Plan pl = planCode == null
                ? Plan.BASIC
                : Plan.fromCode(planCode)
                        .orElseThrow(() -> new InvalidInputException("plan", "must be one of " + Plan.codes()));
        return new CondominiumCommand(n, c, a, p, e, zone, pl.code(), active == null || active);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
