package br.com.vetric.shared;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * RFID tags arrive in different letter case from different chargers and with stray spaces.
 * They are trimmed and upper-cased on write and on lookup.
 */
public final class Tags {

    private Tags() {}

    /** The normalised tag, or empty when the input is null or blank. */
    public static Optional<String> normalize(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed.toUpperCase(Locale.ROOT));
    }
}
