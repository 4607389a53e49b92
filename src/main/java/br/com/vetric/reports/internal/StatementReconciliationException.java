package br.com.vetric.reports.internal;

/** A statement whose totals are not exactly the sum of its sessions' energy: never stored. */
public class StatementReconciliationException extends IllegalStateException {

    public StatementReconciliationException(String message) {
        super(message);
    }
}
