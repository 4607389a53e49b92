package br.com.vetric.support;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.WebUtils;

/**
 * MockMvc requests keep the servlet session the test hands them ({@code .session(mockSession)}), as before web
 * sessions moved to PostgreSQL: Spring Session's filter lets them through untouched. Requests over real HTTP (the
 * same context's server, the browser tests) still go through it, so they use the sessions stored in PostgreSQL.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcServletSessions {

    @Bean
    static BeanPostProcessor mockMvcRequestsKeepTheirSession() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?> sessions)) {
                    return bean;
                }
                Filter passThroughForMockMvc = (request, response, chain) -> {
                    if (WebUtils.getNativeRequest(request, MockHttpServletRequest.class) != null) {
                        chain.doFilter(request, response);
                    } else {
                        sessions.doFilter(request, response, chain);
                    }
                };
                return passThroughForMockMvc;
            }
        };
    }
}
