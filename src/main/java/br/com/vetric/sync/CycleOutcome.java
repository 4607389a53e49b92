package br.com.vetric.sync;

/** What one cycle did. {@code error} is null on success. */
public record CycleOutcome(boolean success, String error, int chargers, int transactions, int changes, long durationMs) {
}
