package br.com.vetric.identity;

public enum Role {
    /** VETRIC staff: sees and manages everything. */
    ADMIN,
    /** A condominium's manager (síndico or administradora): sees its own condominium. */
    CLIENTE,
    /** A resident signed in to the residents' app: sees only their own data, in their condominium. */
    RESIDENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
