package br.com.vetric.sessions;

import br.com.vetric.cpms.TransactionSnapshot;

/**
 * A CVE-PRO transaction with its tag resolved (normalised; through the tagPk mapping when the charger sent an
 * empty tag) and, when known, its resident.
 */
public record ResolvedTransaction(TransactionSnapshot transaction, String tag, Long residentId) {
}
