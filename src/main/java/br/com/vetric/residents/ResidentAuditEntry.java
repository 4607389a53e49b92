package br.com.vetric.residents;

import java.time.Instant;

/**
 * One change to the residents of a condominium: when, who ({@code userId} null for VETRIC itself), what kind, which
 * resident (null for an import's summary and a permission change) and what changed, in a short pt-BR text in which a
 * phone number is masked.
 */
public record ResidentAuditEntry(
        long id,
        Instant at,
        Long userId,
        String userEmail,
        String userName,
        Action action,
        Long residentId,
        String residentName,
        String what) {

    public enum Action {
        CREATED,
        UPDATED,
        DEACTIVATED,
        TAG_ASSIGNED,
        /** the summary of a CSV import (each resident it created or updated has its own entry) */
        IMPORTED,
        /** the operator allowed or stopped the managers' changes */
        PERMISSION_CHANGED
    }
}
