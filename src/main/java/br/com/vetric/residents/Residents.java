package br.com.vetric.residents;

import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.InvalidInputException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.residents.internal.ResidentRepository;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Phones;
import br.com.vetric.shared.Tags;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The residents of a condominium and their RFID tags. Every call is scoped to one condominium. */
@Service
public class Residents {

    private static final Logger log = LoggerFactory.getLogger(Residents.class);

    private final ResidentRepository repository;
    private final ApplicationEventPublisher events;

    Residents(ResidentRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

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

    /** Ids of the residents (active or not) of an apartment, matched case-insensitively. */
    @Transactional(readOnly = true)
    public List<Long> idsByApartment(CondominiumId condo, String apartment) {
        return repository.idsByApartment(condo, apartment.strip());
    }

    @Transactional(readOnly = true)
    public Map<Long, ResidentRef> refs(CondominiumId condo, Set<Long> ids) {
        return repository.refs(condo, ids);
    }

    @Transactional
    public Resident create(CondominiumId condo, ResidentCommand cmd) {
        Normalized n = normalize(cmd);
        ensureTagsFree(condo, n.tags(), null);
        long id = repository.insert(
                condo,
                cmd.name().strip(),
                cmd.apartment().strip(),
                blankToNull(cmd.tower()),
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

    @Transactional
    public Resident update(CondominiumId condo, long id, ResidentCommand cmd) {
        Resident current = get(condo, id);
        Normalized n = normalize(cmd);
        ensureTagsFree(condo, n.tags(), id);
        repository.update(
                condo,
                id,
                cmd.name().strip(),
                cmd.apartment().strip(),
                blankToNull(cmd.tower()),
                n.phone(),
                cmd.notificationsEnabled() == null ? current.notificationsEnabled() : cmd.notificationsEnabled());
        Set<String> added = new LinkedHashSet<>(n.tags());
        added.removeAll(current.tags());
        repository.deleteTags(condo, id);
        insertTags(condo, id, n.tags());
        publishTags(condo, id, added);
        return get(condo, id);
    }

    /** Adds one tag to a resident (e.g. an unknown tag seen on sessions). */
    @Transactional
    public Resident assignTag(CondominiumId condo, long residentId, String rawTag) {
        Resident resident = get(condo, residentId);
        String tag = Tags.normalize(rawTag).orElseThrow(() -> new InvalidInputException("tag", "is required"));
        if (resident.tags().contains(tag)) {
            return resident;
        }
        ensureTagsFree(condo, Set.of(tag), residentId);
        insertTags(condo, residentId, Set.of(tag));
        publishTags(condo, residentId, Set.of(tag));
        return get(condo, residentId);
    }

    /** Deactivates a resident: the history stays, the tags are released for whoever gets the cards next. */
    @Transactional
    public void deactivate(CondominiumId condo, long id) {
        get(condo, id);
        repository.deactivate(condo, id);
        repository.deleteTags(condo, id);
        log.info("Resident {} deactivated in condominium {}", id, condo);
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
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < cmd.tags().size(); i++) {
            String raw = cmd.tags().get(i);
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
        return new Normalized(phone, tags);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Normalized(String phone, Set<String> tags) {}
}
