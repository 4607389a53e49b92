package br.com.vetric.cpms;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With {@code VETRIC_CPMS_URL} set, VETRIC reads that CVE-PRO account (and the simulator never runs). */
@Configuration(proxyBeanMethods = false)
class CpmsConfiguration {

    @Bean
    @ConditionalOnExpression("!'${vetric.cpms.url:}'.isBlank()")
    CpmsClient cveProClient(CpmsProperties props, Clock clock) {
        if (props.apiKey() == null || props.apiKey().isBlank() || props.email() == null || props.password() == null) {
            throw new IllegalStateException(
                    "VETRIC_CPMS_URL is set: VETRIC_CPMS_API_KEY, VETRIC_CPMS_EMAIL and VETRIC_CPMS_PASSWORD are required too");
        }
        return CveProClients.create(
                new CveProConnection(props.url(), props.apiKey(), props.email(), props.password()), props, clock);
    }
}
