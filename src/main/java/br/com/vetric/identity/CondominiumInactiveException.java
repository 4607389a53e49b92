package br.com.vetric.identity;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A CLIENTE gave the right password, but none of their condominiums is active now (deactivated by VETRIC): the login
 * is refused with a message that says so. Said only after the password matched, so it tells a stranger nothing.
 */
public class CondominiumInactiveException extends AccountStatusException {

    CondominiumInactiveException() {
        super("the condominium of this account is deactivated");
    }
}
