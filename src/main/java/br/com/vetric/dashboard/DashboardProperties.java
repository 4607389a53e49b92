package br.com.vetric.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the pages' live and bulk reads.
 *
 * @param sseMaxPerUser live board streams one user may hold open at a time (browser tabs); one more is refused
 *                      with 429
 * @param sseMaxTotal   live board streams of the whole instance; one more is refused with 429
 */
@ConfigurationProperties("vetric.dashboard")
public record DashboardProperties(Integer sseMaxPerUser, Integer sseMaxTotal) {

    public DashboardProperties {
        sseMaxPerUser = sseMaxPerUser == null ? 5 : sseMaxPerUser;
        sseMaxTotal = sseMaxTotal == null ? 1000 : sseMaxTotal;
        if (sseMaxPerUser < 1 || sseMaxTotal < sseMaxPerUser) {
            throw new IllegalArgumentException("vetric.dashboard.sse-max-per-user must be at least 1 and at most "
                    + "vetric.dashboard.sse-max-total (" + sseMaxPerUser + " / " + sseMaxTotal + ")");
        }
    }
}
