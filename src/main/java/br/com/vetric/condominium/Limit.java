package br.com.vetric.condominium;

/** What a plan counts: active residents and chargers of a condominium. */
public enum Limit {
    RESIDENTS,
    CHARGERS;

    /** As the API writes it: {@code residents}, {@code chargers}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
