package br.com.vetric.reports.internal;

import br.com.vetric.shared.CondominiumId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Report files follow their rows: deleted once a delete commits, removed again when the write that made them rolls back. */
@Component
public class StoredFiles {

    private final ReportStorage storage;

    StoredFiles(ReportStorage storage) {
        this.storage = storage;
    }

    public void deleteAfterCommit(CondominiumId condo, List<String> storedNames) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            storedNames.forEach(n -> storage.delete(condo, n));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                storedNames.forEach(n -> storage.delete(condo, n));
            }
        });
    }

    public void deleteOnRollback(CondominiumId condo, List<String> storedNames) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    storedNames.forEach(n -> storage.delete(condo, n));
                }
            }
        });
    }
}
