package br.com.vetric.identity;

import java.util.List;

/**
 * A user as the administrator types it (API or page). {@code role} is "ADMIN" or "CLIENTE"; {@code condominiumIds}
 * are required for a CLIENTE (at least one) and must be empty for an ADMIN; {@code active} defaults to true. On
 * creation a null {@code password} makes an invitation link instead; on a change it leaves the password as it is.
 */
public record UserCommand(
        String email, String name, String role, List<Long> condominiumIds, Boolean active, String password) {

    public UserCommand {
        condominiumIds = condominiumIds == null ? List.of() : List.copyOf(condominiumIds);
    }

    @Override
    public String toString() { // never the password
        return "UserCommand[email=" + email + ", role=" + role + ", condominiumIds=" + condominiumIds + ", active="
                + active + "]";
    }
}
