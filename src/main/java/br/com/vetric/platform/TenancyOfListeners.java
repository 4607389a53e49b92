package br.com.vetric.platform;

import br.com.vetric.shared.CondominiumId;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * An event listener ({@link ApplicationModuleListener}: its own thread, its own transaction) acts for the
 * condominium its event names: every event VETRIC publishes carries {@code condominiumId()}, and the listener runs
 * {@link Tenancy#within} it, set before its transaction begins. Replayed publications (after a restart) get it the
 * same way. A listener whose event names no condominium runs without a scope and sees nothing
 * ({@code TenancyPoliciesTest} keeps there being none).
 */
@Configuration(proxyBeanMethods = false)
class TenancyOfListeners {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static StaticMethodMatcherPointcutAdvisor listenersActForTheirEventsCondominium() {
        StaticMethodMatcherPointcutAdvisor advisor = new StaticMethodMatcherPointcutAdvisor() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return AnnotatedElementUtils.hasAnnotation(method, ApplicationModuleListener.class)
                        && condominiumOf(method) != null;
            }
        };
        advisor.setAdvice((MethodInterceptor) invocation -> {
            Method accessor = condominiumOf(invocation.getMethod());
            Object event = invocation.getArguments()[0];
            if (accessor == null || event == null) {
                return invocation.proceed();
            }
            CondominiumId condominium = (CondominiumId) accessor.invoke(event);
            return Tenancy.within(condominium, () -> {
                try {
                    return invocation.proceed();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new UndeclaredThrowableException(e);
                }
            });
        });
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE); // outside the listener's transaction
        return advisor;
    }

    /** The event's {@code CondominiumId condominiumId()} accessor, null when the listener's event has none. */
    static @Nullable Method condominiumOf(Method listener) {
        if (listener.getParameterCount() != 1) {
            return null;
        }
        try {
            Method accessor = listener.getParameterTypes()[0].getMethod("condominiumId");
            return accessor.getReturnType() == CondominiumId.class ? accessor : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
