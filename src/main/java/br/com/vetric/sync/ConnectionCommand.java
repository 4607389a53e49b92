package br.com.vetric.sync;

import br.com.vetric.shared.CondominiumId;
import org.jspecify.annotations.Nullable;

/**
 * A connection's settings as written. On a change, a null {@code apiKey} or {@code password} keeps the stored one
 * (they are write-only: nobody can read them back to send them again).
 */
public record ConnectionCommand(
        @Nullable String url,
        @Nullable String apiKey,
        @Nullable String email,
        @Nullable String password,
        @Nullable CondominiumId defaultCondominiumId) {

    @Override
    public String toString() {
        return "ConnectionCommand[url=" + url + ", email=" + email + ", defaultCondominiumId=" + defaultCondominiumId
                + ", apiKey=***, password=***]";
    }
}
