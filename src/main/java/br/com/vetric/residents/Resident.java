package br.com.vetric.residents;

import java.time.Instant;
import java.util.List;

/** A resident as managers see it. {@code apartment} and {@code tower} are a {@link Unit}'s; {@code phone} is E.164. */
public record Resident(
        long id,
        String name,
        String apartment,
        String tower,
        String phone,
        List<String> tags,
        boolean notificationsEnabled,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    /** The unit as people see it, everywhere: "802 · Torre A" (see {@link Unit}). */
    public String unit() {
        return new Unit(apartment, tower).label();
    }
}
