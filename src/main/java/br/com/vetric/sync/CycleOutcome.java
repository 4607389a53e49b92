package br.com.vetric.sync;

/**
 * What one cycle did. {@code error} is null on success. {@code fetchMs} is the time spent reading CVE-PRO
 * (HTTP and parsing), {@code applyMs} the time spent comparing and writing; {@code durationMs} the whole cycle.
 */
public record CycleOutcome(
        boolean success,
        String error,
        int chargers,
        int transactions,
        int changes,
        long durationMs,
        long fetchMs,
        long applyMs) {}
