package br.com.vetric.shared;

/** Identifies a condominium (tenant). Every condominium-owned row and query carries one. */
public record CondominiumId(long value) {

    public CondominiumId {
        if (value <= 0) {
            throw new IllegalArgumentException("condominium id must be positive: " + value);
        }
    }

    public static CondominiumId of(long value) {
        return new CondominiumId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
