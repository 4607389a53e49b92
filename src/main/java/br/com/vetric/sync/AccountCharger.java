package br.com.vetric.sync;

import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A charger a CVE-PRO account reported, and where it is assigned.
 *
 * @param condominiumId null while unassigned (it is in the inbox and no condominium sees it)
 * @param displayName   the name given when it was assigned (null: the name CVE-PRO reports)
 * @param backfillFrom  set once assigned until its waiting sessions are imported: the next poll of its connection
 *                      reads its transactions from then on
 */
public record AccountCharger(
        String uuid,
        long connectionId,
        @Nullable String reportedName,
        @Nullable CondominiumId condominiumId,
        @Nullable String displayName,
        Instant firstSeenAt,
        @Nullable Instant assignedAt,
        @Nullable Instant backfillFrom) {

    /** Assigned, and its waiting sessions not imported yet. */
    public boolean waiting() {
        return backfillFrom != null;
    }

    public boolean assigned() {
        return condominiumId != null;
    }

    /** The name people see: the one given at assignment, else the reported one, else the uuid. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        return reportedName != null && !reportedName.isBlank() ? reportedName : uuid;
    }
}
