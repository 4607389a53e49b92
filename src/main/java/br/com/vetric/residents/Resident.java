package br.com.vetric.residents;

import java.time.Instant;
import java.util.List;

/** A resident as managers see it. {@code phone} is E.164. */
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

    /** "Apto 101 · Torre A" */
    public String unit() {
        return tower == null || tower.isBlank() ? apartment : apartment + " · " + tower;
    }
}
