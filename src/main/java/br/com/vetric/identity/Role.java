package br.com.vetric.identity;

public enum Role {
    /** VETRIC staff: sees and manages everything. */
    ADMIN,
    /** A condominium's manager (síndico or administradora): sees its own condominium. */
    CLIENTE;

    public String authority() {
        return "ROLE_" + name();
    }
}
