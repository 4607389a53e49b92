package br.com.vetric.identity.internal;

import br.com.vetric.identity.IdentityProperties;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Creates the first administrator from VETRIC_ADMIN_EMAIL / VETRIC_ADMIN_PASSWORD when it does not exist. */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private final Users users;
    private final IdentityProperties props;
    private final Credentials credentials;

    AdminBootstrap(Users users, IdentityProperties props, Credentials credentials) {
        this.users = users;
        this.props = props;
        this.credentials = credentials;
    }

    @Override
    public void afterSingletonsInstantiated() {
        users.ensure(props.adminEmail(), "Administrador VETRIC", Role.ADMIN, null, credentials.adminPassword());
    }
}
