package br.com.vetric.identity;

import java.time.Instant;
import java.util.List;

/**
 * A user as shown to administrators; never carries the password hash. {@code condominiumIds}: a CLIENTE's
 * condominiums (empty for an ADMIN). {@code passwordSet} is false while an invited user has not chosen a password.
 */
public record UserAccount(
        long id,
        String email,
        String name,
        Role role,
        List<Long> condominiumIds,
        boolean active,
        boolean passwordSet,
        Instant createdAt) {

    public UserAccount {
        condominiumIds = List.copyOf(condominiumIds);
    }
}
