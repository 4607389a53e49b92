package br.com.vetric.notifications.internal;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.notifications.NotificationTemplate;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Residents;
import br.com.vetric.sessions.ChargingSession;
import br.com.vetric.sessions.Sessions;
import br.com.vetric.shared.CondominiumId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the rules read while they handle one batch of a condominium's events (or one batch of due checks), each thing
 * read once: its templates, its managers' phones and name, and the sessions and residents the batch is about (loaded
 * together, many at a time). One batch, one context; never shared between threads.
 */
final class RuleContext {

    final CondominiumId condo;
    final Instant now;
    private final Sessions sessions;
    private final Residents residents;
    private final Map<NotificationKind, NotificationTemplate> templates = new EnumMap<>(NotificationKind.class);
    private final List<String> managerPhones;
    private final String location;
    private final Map<Long, Optional<ChargingSession>> sessionCache = new HashMap<>();
    private final Map<Long, Optional<ResidentRef>> residentCache = new HashMap<>();
    private @Nullable Map<String, ResidentRef> tagDirectory;

    RuleContext(
            CondominiumId condo,
            Instant now,
            TemplateService templateService,
            SettingsService settings,
            Condominiums condominiums,
            Sessions sessions,
            Residents residents) {
        this.condo = condo;
        this.now = now;
        this.sessions = sessions;
        this.residents = residents;
        templateService.list(condo).forEach(t -> templates.put(t.kind(), t));
        this.managerPhones = settings.current(condo).managerPhones();
        this.location = condominiums.find(condo).map(c -> c.name()).orElse("");
    }

    NotificationTemplate template(NotificationKind kind) {
        NotificationTemplate t = templates.get(kind);
        if (t == null) {
            throw new IllegalStateException("notification template " + kind + " missing in condominium " + condo);
        }
        return t;
    }

    Duration delay(NotificationKind kind) {
        return kind.timed() ? Duration.ofSeconds(template(kind).delaySeconds()) : Duration.ZERO;
    }

    List<String> managerPhones() {
        return managerPhones;
    }

    String location() {
        return location;
    }

    /** Loads the sessions not yet read, in one query. */
    void loadSessions(Collection<Long> ids) {
        Set<Long> missing = new HashSet<>(ids);
        missing.removeAll(sessionCache.keySet());
        if (!missing.isEmpty()) {
            Map<Long, ChargingSession> found = sessions.find(condo, missing);
            missing.forEach(id -> sessionCache.put(id, Optional.ofNullable(found.get(id))));
        }
    }

    Optional<ChargingSession> session(@Nullable Long id) {
        if (id == null) {
            return Optional.empty();
        }
        loadSessions(Set.of(id));
        return sessionCache.get(id);
    }

    /** Loads the residents not yet read, in one query. */
    void loadResidents(Collection<Long> ids) {
        Set<Long> missing = new HashSet<>(ids);
        missing.removeAll(residentCache.keySet());
        if (!missing.isEmpty()) {
            Map<Long, ResidentRef> found = residents.refs(condo, missing);
            missing.forEach(id -> residentCache.put(id, Optional.ofNullable(found.get(id))));
        }
    }

    Optional<ResidentRef> resident(@Nullable Long id) {
        if (id == null) {
            return Optional.empty();
        }
        loadResidents(Set.of(id));
        return residentCache.get(id);
    }

    /** Whether a resident owns the (normalised) tag now. */
    boolean tagKnown(String tag) {
        if (tagDirectory == null) {
            tagDirectory = residents.tagDirectory(condo);
        }
        return tagDirectory.containsKey(tag);
    }
}
