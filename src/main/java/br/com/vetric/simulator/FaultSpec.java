package br.com.vetric.simulator;

import java.time.Duration;

/**
 * A fault to inject into the wire API (not into {@code /_control}).
 * Applies either to the next {@code count} matching requests, or (if {@code duration} is set) to every matching
 * request during that much real (wall-clock) time.
 *
 * @param kind       what goes wrong
 * @param count      number of requests affected (ignored when duration is set)
 * @param duration   real-time window, or null
 * @param delay      for SLOW/TIMEOUT: how long the server sleeps before answering
 * @param pathPrefix only requests whose path starts with this are affected (null = every /api path)
 */
public record FaultSpec(Kind kind, int count, Duration duration, Duration delay, String pathPrefix) {

    public enum Kind {
        /** HTTP 500 with a JSON error body. */
        HTTP_500,
        /** HTTP 502 with an HTML body (like a proxy). */
        HTTP_502,
        /** HTTP 503 with an HTML body. */
        HTTP_503,
        /** 401 as if the token had expired (token is not actually revoked). */
        UNAUTHORIZED,
        /** normal answer but the JSON body is truncated. */
        MALFORMED_JSON,
        /** sleeps {@code delay} (default 5 min) before answering normally: longer than any client timeout. */
        TIMEOUT,
        /** sleeps {@code delay} (default 2 s) before answering normally. */
        SLOW
    }

    public FaultSpec {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (count < 1) count = 1;
        if (delay == null)
            delay = switch (kind) {
                case TIMEOUT -> Duration.ofMinutes(5);
                case SLOW -> Duration.ofSeconds(2);
                default -> Duration.ZERO;
            };
    }

    public static FaultSpec next(int count, Kind kind) {
        return new FaultSpec(kind, count, null, null, null);
    }

    public static FaultSpec forDuration(Duration duration, Kind kind) {
        return new FaultSpec(kind, 1, duration, null, null);
    }

    public FaultSpec withDelay(Duration d) {
        return new FaultSpec(kind, count, duration, d, pathPrefix);
    }

    public FaultSpec onPath(String prefix) {
        return new FaultSpec(kind, count, duration, delay, prefix);
    }
}
