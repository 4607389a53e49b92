package br.com.vetric.cpms;

import java.time.Instant;
import java.util.List;

/** Everything one poll read: complete, or not at all (a failed fetch throws {@link CpmsUnavailableException}). */
public record CpmsSnapshot(
        List<ChargePointSnapshot> chargePoints, List<TransactionSnapshot> transactions, Instant fetchedAt) {

    public CpmsSnapshot {
        chargePoints = List.copyOf(chargePoints);
        transactions = List.copyOf(transactions);
    }
}
