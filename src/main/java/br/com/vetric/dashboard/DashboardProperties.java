package br.com.vetric.dashboard;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the pages' live and bulk reads.
 *
 * @param sseMaxPerUser live board streams one user may hold open at a time (browser tabs); one more is refused
 *                      with 429
 * @param sseMaxTotal   live board streams of the whole instance; one more is refused with 429
 */
@Validated
@ConfigurationProperties("vetric.dashboard")
public record DashboardProperties(
        @DefaultValue("5") @Min(1) int sseMaxPerUser,
        @DefaultValue("1000") @Min(1) int sseMaxTotal) {

    public DashboardProperties {
        if (sseMaxTotal < sseMaxPerUser) {
            throw new IllegalArgumentException("vetric.dashboard.sse-max-total (" + sseMaxTotal
                    + ") must be at least vetric.dashboard.sse-max-per-user (" + sseMaxPerUser + ")");
        }
    }
}
