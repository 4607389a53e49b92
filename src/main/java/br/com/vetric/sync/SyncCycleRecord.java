package br.com.vetric.sync;

import java.time.Instant;

/** One logged sync cycle. */
public record SyncCycleRecord(
        long id,
        Instant startedAt,
        long durationMs,
        boolean success,
        String error,
        int chargers,
        int transactions,
        int changes) {}
