package br.com.vetric.residents;

/** What other modules need to know about a resident: who, where, and how to reach them. */
public record ResidentRef(
        long id,
        String name,
        String apartment,
        String tower,
        String phone,
        boolean notificationsEnabled,
        boolean active) {

    public String unit() {
        return tower == null || tower.isBlank() ? apartment : apartment + " · " + tower;
    }
}
