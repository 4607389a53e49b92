package br.com.vetric.residents.internal;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.condominium.Limit;
import br.com.vetric.condominium.Plans;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.residents.ImportResult;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentAuditEntry.Action;
import br.com.vetric.residents.ResidentChanged;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.ResidentTagsAssigned;
import br.com.vetric.residents.Unit;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import br.com.vetric.shared.Tags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to residents: checked against who may make it ({@link ResidentAccess}), normalised (units by
 * {@link Unit}, phones to E.164, tags trimmed and upper-cased) and written to the audit log in the same transaction.
 */
@Service
public class ResidentChanges {

    private static final Logger log = LoggerFactory.getLogger(ResidentChanges.class);

    private final ResidentRepository repository;
    private final ResidentAuditLog audit;
    private final ResidentAccess access;
    private final Condominiums condominiums;
    private final Plans plans;
    private final ApplicationEventPublisher events;

    ResidentChanges(
            ResidentRepository repository,
            ResidentAuditLog audit,
            ResidentAccess access,
            Condominiums condominiums,
            Plans plans,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.access = access;
        this.condominiums = condominiums;
        this.plans = plans;
        this.events = events;
    }

    @Transactional
    public void setManagersMayChange(CondominiumId condo, boolean allowed) {
        access.requireOperator();
        if (condominiums.setResidentsEditableByManager(condo, allowed)) {
            audit.record(condo, Action.PERMISSION_CHANGED, null, null, AuditText.permission(allowed));
            log.info("Condominium {}: managers may change residents: {}", condo, allowed);
        }
    }

    @Transactional
    public Resident create(CondominiumId condo, ResidentCommand cmd) {
        access.requireChange(condo);
        plans.check(condo, Limit.RESIDENTS, activeResidents(condo));
        Resident created = insert(condo, cmd);
        audit.record(condo, Action.CREATED, created.id(), created.name(), AuditText.created(created));
        events.publishEvent(new ResidentChanged(condo, created, true));
        return created;
    }

    @Transactional
    public Resident update(CondominiumId condo, long id, ResidentCommand cmd) {
        access.requireChange(condo);
        Resident before = get(condo, id);
        Resident after = replace(condo, before, cmd);
        AuditText.updated(before, after).ifPresent(what -> audit.record(condo, Action.UPDATED, id, after.name(), what));
        events.publishEvent(new ResidentChanged(condo, after, false));
        return after;
    }

    @Transactional
    public Resident assignTag(CondominiumId condo, long residentId, String rawTag) {
        access.requireChange(condo);
        Resident resident = get(condo, residentId);
        String tag = Tags.normalize(rawTag).orElseThrow(() -> new InvalidInputException("tag", "is required"));
        if (tag.length() > ResidentCommand.MAX_TAG) {
            throw new InvalidInputException("tag", "at most " + ResidentCommand.MAX_TAG + " characters");
        }
        if (resident.tags().contains(tag)) {
            return resident;
        }
        ensureTagsFree(condo, Set.of(tag), residentId);
        insertTags(condo, residentId, Set.of(tag));
        publishTags(condo, residentId, Set.of(tag));
        audit.record(condo, Action.TAG_ASSIGNED, residentId, resident.name(), AuditText.tagAssigned(tag));
        return get(condo, residentId);
    }

    @Transactional
    public void deactivate(CondominiumId condo, long id) {
        access.requireChange(condo);
        Resident before = get(condo, id);
        repository.deactivate(condo, id);
        repository.deleteTags(condo, id);
        if (before.active()) {
            audit.record(condo, Action.DEACTIVATED, id, before.name(), AuditText.deactivated(before));
        }
        log.info("Resident {} deactivated in condominium {}", id, condo);
    }

    @Transactional
    public ImportResult importRows(
            CondominiumId condo, String fileName, List<ResidentCommand> rows, int rejectedLines) {
        access.requireChange(condo);
        long residentsBefore = activeResidents(condo);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ResidentCommand row : rows) {
            Optional<Resident> existing = importTarget(condo, row);
            if (existing.isEmpty()) {
                Resident r = insert(condo, row);
                audit.record(
                        condo, Action.CREATED, r.id(), r.name(), AuditText.fromImport(fileName, AuditText.created(r)));
                created++;
                continue;
            }
            Resident before = existing.get();
            Resident after = replace(condo, before, merged(before, row));
            Optional<String> what = AuditText.updated(before, after);
            if (what.isPresent()) {
                audit.record(
                        condo, Action.UPDATED, after.id(), after.name(), AuditText.fromImport(fileName, what.get()));
                updated++;
            } else {
                unchanged++;
            }
        }
        // all or nothing: past the plan's limit, the whole import is rolled back (rows are matched while importing, so
        // the count of residents it creates is only known here)
        plans.check(condo, Limit.RESIDENTS, residentsBefore, created);
        ImportResult result = new ImportResult(created, updated, unchanged);
        audit.record(condo, Action.IMPORTED, null, null, AuditText.imported(fileName, result, rejectedLines));
        log.info(
                "Residents imported in condominium {}: {} created, {} updated, {} unchanged",
                condo,
                created,
                updated,
                unchanged);
        return result;
    }

    private long activeResidents(CondominiumId condo) {
        return repository.count(condo, null, false);
    }

    /** The active resident a CSV row updates: same name (any case) and same unit. */
    public Optional<Resident> importTarget(CondominiumId condo, ResidentCommand row) {
        try {
            return repository.findActive(condo, row.name().strip(), Unit.parse(row.apartment(), row.tower()));
        } catch (Unit.Invalid e) {
            return Optional.empty();
        }
    }

    /** A row for an existing resident: a phone or alerts choice given replaces theirs; its tags are added. */
    private static ResidentCommand merged(Resident before, ResidentCommand row) {
        List<String> tags = new ArrayList<>(before.tags());
        row.tags().forEach(t -> Tags.normalize(t).filter(n -> !tags.contains(n)).ifPresent(tags::add));
        return new ResidentCommand(
                before.name(),
                before.apartment(),
                before.tower(),
                row.phone() == null || row.phone().isBlank() ? before.phone() : row.phone(),
                tags,
                row.notificationsEnabled() == null ? before.notificationsEnabled() : row.notificationsEnabled());
    }

    private Resident get(CondominiumId condo, long id) {
        return repository.find(condo, id).orElseThrow(() -> new NotFoundException("resident " + id + " not found"));
    }

    private Resident insert(CondominiumId condo, ResidentCommand cmd) {
        Normalized n = normalize(cmd);
        ensureTagsFree(condo, n.tags(), null);
        long id = repository.insert(
                condo,
                cmd.name().strip(),
                n.unit().number(),
                n.unit().tower(),
                n.phone(),
                cmd.notificationsEnabled() == null || cmd.notificationsEnabled());
        insertTags(condo, id, n.tags());
        log.info(
                "Resident {} created in condominium {} with {} tag(s)",
                id,
                condo,
                n.tags().size());
        publishTags(condo, id, n.tags());
        return get(condo, id);
    }

    private Resident replace(CondominiumId condo, Resident current, ResidentCommand cmd) {
        long id = current.id();
        Normalized n = normalize(cmd);
        ensureTagsFree(condo, n.tags(), id);
        repository.update(
                condo,
                id,
                cmd.name().strip(),
                n.unit().number(),
                n.unit().tower(),
                n.phone(),
                cmd.notificationsEnabled() == null ? current.notificationsEnabled() : cmd.notificationsEnabled());
        Set<String> added = new LinkedHashSet<>(n.tags());
        added.removeAll(current.tags());
        repository.deleteTags(condo, id);
        insertTags(condo, id, n.tags());
        publishTags(condo, id, added);
        return get(condo, id);
    }

    private void ensureTagsFree(CondominiumId condo, Set<String> tags, Long owner) {
        for (String tag : tags) {
            Optional<ResidentRef> holder = repository.findByTag(condo, tag);
            if (holder.isPresent() && (owner == null || holder.get().id() != owner)) {
                throw new ConflictException("tag " + tag + " already belongs to another resident ("
                        + holder.get().name() + ", " + holder.get().unit() + ")");
            }
        }
    }

    private void insertTags(CondominiumId condo, long id, Set<String> tags) {
        for (String tag : tags) {
            try {
                repository.insertTag(condo, id, tag);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("tag " + tag + " already belongs to another resident");
            }
        }
    }

    private void publishTags(CondominiumId condo, long id, Set<String> tags) {
        if (!tags.isEmpty()) {
            events.publishEvent(new ResidentTagsAssigned(condo, id, Set.copyOf(tags)));
        }
    }

    private static Normalized normalize(ResidentCommand cmd) {
        if (cmd.name() == null || cmd.name().isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        Unit unit;
        try {
            unit = Unit.parse(cmd.apartment(), cmd.tower());
        } catch (Unit.Invalid e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : cmd.tags()) {
            String tag = Tags.normalize(raw).orElseThrow(() -> new InvalidInputException("tags", "a tag is empty"));
            if (tag.length() > ResidentCommand.MAX_TAG) {
                throw new InvalidInputException(
                        "tags", "tag " + tag + " is longer than " + ResidentCommand.MAX_TAG + " characters");
            }
            tags.add(tag);
        }
        String phone = null;
        if (cmd.phone() != null && !cmd.phone().isBlank()) {
            try {
                phone = Phones.toE164(cmd.phone());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("phone", e.getMessage());
            }
        }
        return new Normalized(unit, phone, tags);
    }

    private record Normalized(Unit unit, String phone, Set<String> tags) {}
}
