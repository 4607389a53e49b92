package br.com.vetric.sync;

import br.com.vetric.shared.CondominiumId;
import java.time.Instant;

/**
 * Published after every cycle, once its transaction has committed (or failed). Not durable: for live views
 * (SSE board) that re-read the committed state. {@code lastSuccessAt} tells how old the data is when CVE-PRO
 * is unreachable.
 */
public record SyncCompleted(
        CondominiumId condominiumId,
        Instant at,
        boolean success,
        int changes,
        boolean cpmsConnected,
        Instant lastSuccessAt,
        String error) {}
