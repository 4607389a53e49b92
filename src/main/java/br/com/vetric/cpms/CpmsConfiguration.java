package br.com.vetric.cpms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code VETRIC_CPMS_URL} set, that CVE-PRO account is the installation's first connection (registered at
 * start, serving the primary condominium; the simulator never runs). More accounts are added as connections.
 */
@Configuration(proxyBeanMethods = false)
class CpmsConfiguration {

    @Bean
    @ConditionalOnExpression("!'${vetric.cpms.url:}'.isBlank()")
    CveProConnection configuredCveProAccount(CpmsProperties props) {
        if (props.apiKey() == null || props.apiKey().isBlank() || props.email() == null || props.password() == null) {
            throw new IllegalStateException(
                    "VETRIC_CPMS_URL is set: VETRIC_CPMS_API_KEY, VETRIC_CPMS_EMAIL and VETRIC_CPMS_PASSWORD are required too");
        }
        return new CveProConnection(props.url(), props.apiKey(), props.email(), props.password());
    }
}
