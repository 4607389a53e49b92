package br.com.vetric.residents;

/**
 * What other modules need to know about a resident: who, where ({@code apartment} and {@code tower} normalised, see
 * {@link Unit}; {@link #unit()} is the label people see), and how to reach them.
 */
public record ResidentRef(
        long id,
        String name,
        String apartment,
        String tower,
        String phone,
        boolean notificationsEnabled,
        boolean active) {

    /** The unit as people see it, everywhere: "802 · Torre A" (see {@link Unit}). */
    public String unit() {
        return new Unit(apartment, tower).label();
    }
}
