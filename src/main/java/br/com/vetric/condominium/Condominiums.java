package br.com.vetric.condominium;

import br.com.vetric.condominium.internal.CondominiumRepository;
import br.com.vetric.platform.ConflictException;
import br.com.vetric.platform.NotFoundException;
import br.com.vetric.shared.CondominiumId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The condominiums VETRIC serves: read (cached), created and changed by the operator. The first one is created on
 * start (only when none exists). A deactivated condominium keeps every record; the poller, the notification
 * scheduler and the logins of its CLIENTE accounts ask {@link Condominium#active()}.
 */
@Service
public class Condominiums implements SmartInitializingSingleton {

    /** How long the list read from the database is reused: every poll and tick asks for it. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Condominiums.class);

    private final CondominiumRepository repository;
    private final CondominiumProperties props;
    private volatile Snapshot cache = new Snapshot(List.of(), 0);
    private final ReentrantLock reading = new ReentrantLock();
    private final AtomicLong forgotten = new AtomicLong();

    Condominiums(CondominiumRepository repository, CondominiumProperties props) {
        this.repository = repository;
        this.props = props;
    }

    private record Snapshot(List<Condominium> all, long readAtNanos) {}

    /** Runs once every bean (Flyway's migration included) is ready. */
    @Override
    public void afterSingletonsInstantiated() {
        repository.ensureOne(props.name());
        forget();
    }

    /**
     * Every condominium, active or not, oldest first (read at most every {@link #FRESH_FOR}; a change made here
     * refreshes it at once, one made by another instance is seen within that time).
     */
    public List<Condominium> all() {
        Snapshot s = cache;
        if (!stale(s)) {
            return s.all();
        }
        // one caller reads; the polls that find it stale meanwhile wait for that read instead of each making one
        reading.lock();
        try {
            s = cache;
            if (stale(s)) {
                long generation = forgotten.get();
                s = new Snapshot(repository.all(), System.nanoTime());
                if (forgotten.get() == generation) { // a change committed during the read is read again next time
                    cache = s;
                }
            }
            return s.all();
        } finally {
            reading.unlock();
        }
    }

    private static boolean stale(Snapshot s) {
        return s.all().isEmpty() || System.nanoTime() - s.readAtNanos() > FRESH_FOR.toNanos();
    }

    /** The condominiums VETRIC serves now (polled, notified, their CLIENTE accounts may log in), oldest first. */
    public List<Condominium> active() {
        return all().stream().filter(Condominium::active).toList();
    }

    public Optional<Condominium> find(CondominiumId id) {
        Optional<Condominium> known =
                all().stream().filter(c -> c.id().equals(id)).findFirst();
        if (known.isPresent()) {
            return known;
        }
        forget(); // created since the last read (perhaps by another instance)
        return all().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** @throws NotFoundException when there is no such condominium */
    public Condominium get(CondominiumId id) {
        return find(id).orElseThrow(() -> new NotFoundException("condominium " + id + " not found"));
    }

    /** Creates a condominium with a name and every other value by default (tests, the first start). */
    public Condominium create(String name) {
        return create(CondominiumCommand.named(name));
    }

    /**
     * Creates a condominium (the operator's onboarding).
     *
     * @throws br.com.vetric.platform.InvalidInputException naming the field (nothing is written)
     * @throws ConflictException when another condominium has the CNPJ
     */
    public Condominium create(CondominiumCommand command) {
        CondominiumCommand c = command.normalized();
        checkCnpjFree(c.cnpj(), null);
        CondominiumId id;
        try {
            id = repository.insert(c);
        } catch (DuplicateKeyException e) {
            throw cnpjTaken(c.cnpj());
        }
        forget();
        log.info("Condominium {} created (plan {}, time zone {}, active {})", id, c.plan(), c.timeZone(), c.active());
        return get(id);
    }

    /**
     * Replaces every value of a condominium (the caller merges a partial change onto {@link Condominium#command()}).
     * Deactivating keeps every record, stops its polling and messages and refuses its CLIENTE logins; reactivating
     * resumes them.
     *
     * @throws NotFoundException when there is no such condominium
     * @throws br.com.vetric.platform.InvalidInputException naming the field (nothing is written)
     * @throws ConflictException when another condominium has the CNPJ
     */
    public Condominium update(CondominiumId id, CondominiumCommand command) {
        Condominium before = get(id);
        CondominiumCommand c = command.normalized();
        checkCnpjFree(c.cnpj(), id);
        boolean found;
        try {
            found = repository.update(id, c);
        } catch (DuplicateKeyException e) {
            throw cnpjTaken(c.cnpj());
        }
        if (!found) {
            throw new NotFoundException("condominium " + id + " not found");
        }
        forget();
        if (before.active() && !c.active()) {
            log.info("Condominium {} deactivated: not polled, no messages sent, its CLIENTE logins refused", id);
        } else if (!before.active() && c.active()) {
            log.info("Condominium {} reactivated", id);
        } else {
            log.info("Condominium {} changed", id);
        }
        return get(id);
    }

    /**
     * Whether the condominium's managers (CLIENTE) may add, edit, deactivate and import residents and assign unknown
     * tags: the operator's choice, on by default.
     */
    public boolean residentsEditableByManager(CondominiumId id) {
        return repository.residentsEditableByManager(id);
    }

    /** The operator's choice above; returns whether it changed. */
    public boolean setResidentsEditableByManager(CondominiumId id, boolean editable) {
        return repository.setResidentsEditableByManager(id, editable);
    }

    /** The condominium the single-account poller serves: the oldest one. */
    public Condominium primary() {
        return all().getFirst();
    }

    private void checkCnpjFree(String cnpj, CondominiumId except) {
        if (cnpj != null && repository.holderOf(cnpj, except).isPresent()) {
            throw cnpjTaken(cnpj);
        }
    }

    private static ConflictException cnpjTaken(String cnpj) {
        return new ConflictException("cnpj", "another condominium has CNPJ " + Cnpj.format(cnpj));
    }

    private void forget() {
        forgotten.incrementAndGet();
        cache = new Snapshot(List.of(), 0);
    }
}
