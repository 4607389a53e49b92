package br.com.vetric.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Prometheus scrape ({@code /actuator/prometheus}).
 *
 * @param token the bearer token a scraper must send; empty: the endpoint does not exist (404)
 */
@Validated
@ConfigurationProperties("vetric.metrics")
public record MetricsProperties(@Nullable String token) {

    public MetricsProperties {
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && token.length() < 16) {
            throw new IllegalArgumentException(
                    "vetric.metrics.token (VETRIC_METRICS_TOKEN) must be at least 16 characters: openssl rand -hex 32");
        }
    }

    @Override
    public String toString() {
        return "MetricsProperties[token=" + (token == null ? "none" : "***") + "]";
    }
}
