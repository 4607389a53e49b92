package br.com.vetric.identity;

import java.util.Optional;

/**
 * Who a resident's token or web session belongs to, as stored now: implemented by the residents' app, asked on every
 * request that carries a {@link Role#RESIDENT} principal. Empty when the resident was deactivated, lost app access or
 * changed phone since {@code version} (their app version), so the token or session stops working at once.
 */
public interface ResidentPrincipals {

    Optional<AuthenticatedUser> findValid(long residentId, int version);

    /** A resident's principal: {@code id} is the resident's id, one condominium, no e-mail. */
    static AuthenticatedUser principal(long residentId, String name, long condominiumId, int version) {
        return new AuthenticatedUser(residentId, "", name, Role.RESIDENT, java.util.List.of(condominiumId), version);
    }
}
