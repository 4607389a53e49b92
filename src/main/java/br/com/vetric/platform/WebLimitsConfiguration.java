package br.com.vetric.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request limits that hold before any controller, or security, sees a request. */
@Configuration(proxyBeanMethods = false)
class WebLimitsConfiguration {

    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter(ApiProperties props) {
        FilterRegistrationBean<ApiBodyLimitFilter> bean = new FilterRegistrationBean<>(new ApiBodyLimitFilter(props));
        bean.addUrlPatterns("/api/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }
}
