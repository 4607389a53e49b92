package br.com.vetric.identity;

import java.time.Instant;

/** A user as shown to administrators; never carries the password hash. */
public record UserAccount(
        long id, String email, String name, Role role, Long condominiumId, boolean active, Instant createdAt) {}
