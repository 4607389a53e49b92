package br.com.vetric.condominium;

/** What a plan includes or not: WhatsApp notifications, monthly statements, API access (API keys come later). */
public enum Feature {
    WHATSAPP,
    STATEMENTS,
    API;

    /** As the API writes it: {@code whatsapp}, {@code statements}, {@code api}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
