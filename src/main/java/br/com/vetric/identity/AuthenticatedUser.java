package br.com.vetric.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user of a web session or an API token. Carries no password hash (it lives in the session);
 * {@code credentialsVersion} is the user's credentials version when this principal was made: once the stored one
 * differs (password changed or reset, user deactivated or reactivated, role changed) the session or token is refused.
 * {@code condominiumIds} are a CLIENTE's memberships (active condominiums or not; empty for an ADMIN), as stored when
 * the principal was made: every request makes it anew from the database (see {@code ActiveUserFilter}).
 */
public record AuthenticatedUser(
        long id, String email, String name, Role role, List<Long> condominiumIds, int credentialsVersion)
        implements UserDetails {

    public AuthenticatedUser {
        condominiumIds = List.copyOf(condominiumIds);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public String toString() {
        return "AuthenticatedUser[id=" + id + ", email=" + email + ", role=" + role + "]";
    }
}
