package br.com.vetric.residents;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.residents.internal.ResidentAccess;
import br.com.vetric.residents.internal.ResidentAuditLog;
import br.com.vetric.residents.internal.ResidentChanges;
import br.com.vetric.residents.internal.ResidentRepository;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.PageResult;
import br.com.vetric.shared.Tags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents of a condominium and their RFID tags. Every call is scoped to one condominium. Units are normalised
 * by {@link Unit}. Changes ({@code ResidentChanges}) are allowed to an ADMIN, and to the condominium's CLIENTE while
 * the operator allows it ({@link ResidentChangesNotAllowedException} otherwise); each one is written to the audit log
 * in its transaction.
 */
@Service
public class Residents {

    private final ResidentRepository repository;
    private final ResidentChanges changes;
    private final ResidentAuditLog audit;
    private final ResidentAccess access;
    private final Condominiums condominiums;

    Residents(
            ResidentRepository repository,
            ResidentChanges changes,
            ResidentAuditLog audit,
            ResidentAccess access,
            Condominiums condominiums) {
        this.repository = repository;
        this.changes = changes;
        this.audit = audit;
        this.access = access;
        this.condominiums = condominiums;
    }

    /**
     * @param search a name, a tag, or a unit: "802" finds the 802 of every tower, "802 A" only tower A's
     */
    @Transactional(readOnly = true)
    public List<Resident> list(CondominiumId condo, String search, boolean includeInactive, int page, int size) {
        return repository.list(condo, search, includeInactive, page, size);
    }

    @Transactional(readOnly = true)
    public long count(CondominiumId condo, String search, boolean includeInactive) {
        return repository.count(condo, search, includeInactive);
    }

    @Transactional(readOnly = true)
    public Resident get(CondominiumId condo, long id) {
        return repository.find(condo, id).orElseThrow(() -> new NotFoundException("resident " + id + " not found"));
    }

    @Transactional(readOnly = true)
    public Optional<ResidentRef> findByTag(CondominiumId condo, String rawTag) {
        return Tags.normalize(rawTag).flatMap(tag -> repository.findByTag(condo, tag));
    }

    /** Every tag of the condominium with its resident: one query, for the sync cycle. */
    @Transactional(readOnly = true)
    public Map<String, ResidentRef> tagDirectory(CondominiumId condo) {
        return repository.tagDirectory(condo);
    }

    /**
     * Ids of the residents (active or not) of a unit typed by a person: "802" (every tower's 802), "802 A" or
     * "Apto 802 Torre A" (tower A's only), "cobertura" (a named unit). None when the text is not a unit.
     */
    @Transactional(readOnly = true)
    public List<Long> idsByApartment(CondominiumId condo, String apartment) {
        return Unit.query(apartment)
                .map(unit -> repository.idsByUnit(condo, unit))
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Map<Long, ResidentRef> refs(CondominiumId condo, Set<Long> ids) {
        return repository.refs(condo, ids);
    }

    /** Whether the logged-in user may change this condominium's residents (pages show or hide their buttons). */
    public boolean mayChange(CondominiumId condo) {
        return access.mayChange(condo);
    }

    /** @throws ResidentChangesNotAllowedException when the logged-in user may not change the residents */
    public void requireMayChange(CondominiumId condo) {
        access.requireChange(condo);
    }

    /** Whether the operator lets this condominium's managers change its residents. */
    public boolean managersMayChange(CondominiumId condo) {
        return condominiums.residentsEditableByManager(condo);
    }

    /** The operator (ADMIN only) lets the condominium's managers change its residents, or stops them. */
    public void setManagersMayChange(CondominiumId condo, boolean allowed) {
        changes.setManagersMayChange(condo, allowed);
    }

    public Resident create(CondominiumId condo, ResidentCommand cmd) {
        return changes.create(condo, cmd);
    }

    public Resident update(CondominiumId condo, long id, ResidentCommand cmd) {
        return changes.update(condo, id, cmd);
    }

    /** Adds one tag to a resident (e.g. an unknown tag seen on sessions). */
    public Resident assignTag(CondominiumId condo, long residentId, String rawTag) {
        return changes.assignTag(condo, residentId, rawTag);
    }

    /** Deactivates a resident: the history stays, the tags are released for whoever gets the cards next. */
    public void deactivate(CondominiumId condo, long id) {
        changes.deactivate(condo, id);
    }

    /**
     * Imports checked CSV rows in one transaction: a row with the name (any case) and unit of an active resident
     * updates that resident (a phone or alerts choice given replaces theirs, its tags are added, none removed);
     * any other row creates one. Each resident created or updated has its audit entry, plus one for the import.
     *
     * @param rejectedLines lines of the file left out because they had errors (for the log)
     */
    public ImportResult importRows(
            CondominiumId condo, String fileName, List<ResidentCommand> rows, int rejectedLines) {
        return changes.importRows(condo, fileName, rows, rejectedLines);
    }

    /** The audit log, newest first; {@code residentId} null for every resident. */
    @Transactional(readOnly = true)
    public PageResult<ResidentAuditEntry> audit(CondominiumId condo, Long residentId, int page, int size) {
        return PageResult.of(audit.page(condo, residentId, page, size), page, size, audit.count(condo, residentId));
    }
}
