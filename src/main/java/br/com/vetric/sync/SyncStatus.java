package br.com.vetric.sync;

import java.time.Duration;
import java.time.Instant;

/** How the link with CVE-PRO and the poller are doing (for /health and the System page). */
public record SyncStatus(
        boolean cpmsConnected,
        Instant lastSuccessAt,
        Instant lastAttemptAt,
        int consecutiveFailures,
        String lastError,
        boolean pollerActive,
        Duration pollInterval,
        Instant lastCycleAt,
        Long lastCycleDurationMs) {}
