package br.com.vetric.identity;

import java.time.Instant;

/**
 * A one-time link with which an invited user chooses their password, valid until {@code expiresAt}. The token is
 * known only here, once, to be handed to the invitee: the database keeps its SHA-256.
 */
public record Invitation(long userId, String token, Instant expiresAt) {

    /** The path of the page where the invitee sets their password. */
    public String path() {
        return "/invitation/" + token;
    }

    @Override
    public String toString() { // never the token
        return "Invitation[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
