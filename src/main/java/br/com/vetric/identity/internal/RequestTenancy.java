package br.com.vetric.identity.internal;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Role;
import br.com.vetric.platform.Tenancy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A request's database scope, set after authentication (Spring Security's filters run first): an ADMIN's requests
 * see every condominium, a CLIENTE's only the condominiums they may see ({@link CurrentCondominium#visible()}), an
 * anonymous request none. Which one condominium the request acts on is still {@link CurrentCondominium}'s choice;
 * this is the wall behind it, so a query that forgot its condominium cannot reach anyone else's rows.
 */
@Configuration(proxyBeanMethods = false)
class RequestTenancy {

    @Bean
    FilterRegistrationBean<Filter> requestTenancyFilter(ObjectProvider<CurrentCondominium> currentCondominium) {
        Filter filter = (request, response, chain) -> {
            Optional<AuthenticatedUser> user = CurrentCondominium.currentUser();
            Runnable rest = () -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new Checked(e);
                }
            };
            try {
                if (user.isEmpty()) {
                    chain.doFilter(request, response);
                } else if (user.get().role() == Role.ADMIN) {
                    Tenancy.acrossAll("VETRIC's staff (ADMIN) look after every condominium", rest);
                } else {
                    Tenancy.within(
                            currentCondominium.getObject().visible().stream()
                                    .map(Condominium::id)
                                    .toList(),
                            rest);
                }
            } catch (Checked e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw (ServletException) e.getCause();
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("requestTenancy");
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE); // after Spring Security's chain has the user
        return registration;
    }

    /** Carries the rest of the chain's checked exception out of the scope. */
    private static final class Checked extends RuntimeException {
        Checked(Exception e) {
            super(e);
        }
    }
}
