package br.com.vetric.sync.internal;

import br.com.vetric.platform.DatabaseNotifications;
import br.com.vetric.sync.AccountCharger;
import br.com.vetric.sync.internal.ConnectionRepository.Stored;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every poll would otherwise read again: the CVE-PRO connections and, per connection, the chargers its account
 * reported (uuid → where each is assigned), kept in memory so that a poll with nothing new costs no statement for
 * them. Any write to {@code cpms_connection} or {@code cpms_charger}, by this instance, another one or by hand,
 * signals the connection's id on {@value #CHANNEL} when it commits (a trigger, V190): each instance then reads that
 * connection again at its next poll. Writes this instance makes also drop what it holds as soon as they commit
 * ({@link #changed}), without waiting for the signal to come back.
 *
 * <p>Kept only while the instance listens for the signals ({@link DatabaseNotifications#listeningEpoch}): while
 * the listener is down, and for everything read before it last (re)connected, every read goes to the database.
 */
@Component
public class ConnectionCache {

    static final String CHANNEL = "vetric_cpms";
    private static final Logger log = LoggerFactory.getLogger(ConnectionCache.class);

    /** A value read when the connection's generation was {@code generation}, while the listener was {@code epoch}. */
    private record Held<T>(long generation, long epoch, T value) {}

    private final ConnectionRepository repository;
    private final DatabaseNotifications signals;
    /** Goes up at every change of any connection: the list of connections is read again. */
    private final AtomicLong listGeneration = new AtomicLong();
    /** Goes up at every change of a connection or of a charger its account reported. */
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();

    private final Map<Long, Held<Map<String, AccountCharger>>> inventories = new ConcurrentHashMap<>();
    private volatile Held<List<Stored>> connections;

    ConnectionCache(ConnectionRepository repository, DatabaseNotifications signals) {
        this.repository = repository;
        this.signals = signals;
        signals.subscribe(CHANNEL, this::signalled);
    }

    /** Every connection, by id (the database when what is held may be outdated). */
    public List<Stored> connections() {
        long epoch = signals.listeningEpoch();
        long generation = listGeneration.get();
        Held<List<Stored>> held = connections;
        if (epoch >= 0 && held != null && held.epoch() == epoch && held.generation() == generation) {
            return held.value();
        }
        List<Stored> read = List.copyOf(repository.all());
        if (epoch >= 0) {
            connections = new Held<>(generation, epoch, read);
        }
        return read;
    }

    public Optional<Stored> connection(long id) {
        return connections().stream().filter(c -> c.id() == id).findFirst();
    }

    /**
     * The chargers the connection's account reported, by uuid; {@code read} reads them from the database when what is
     * held may be outdated (the caller's transaction).
     */
    public Map<String, AccountCharger> inventory(long connectionId, Supplier<List<AccountCharger>> read) {
        long epoch = signals.listeningEpoch();
        long generation = generation(connectionId).get();
        Held<Map<String, AccountCharger>> held = inventories.get(connectionId);
        if (epoch >= 0 && held != null && held.epoch() == epoch && held.generation() == generation) {
            return held.value();
        }
        Map<String, AccountCharger> byUuid = new LinkedHashMap<>();
        read.get().forEach(c -> byUuid.put(c.uuid(), c));
        Map<String, AccountCharger> value = Collections.unmodifiableMap(byUuid); // in uuid order, as read
        if (epoch >= 0) {
            // read under the generation taken before reading: a change that commits meanwhile makes it outdated
            inventories.put(connectionId, new Held<>(generation, epoch, value));
        }
        return value;
    }

    /** Whether the inventory of the connection is held and current. */
    public boolean holds(long connectionId) {
        return held(connectionId).isPresent();
    }

    /** The inventory of the connection if it is held and current. */
    public Optional<Map<String, AccountCharger>> held(long connectionId) {
        Held<Map<String, AccountCharger>> held = inventories.get(connectionId);
        return held != null
                        && held.epoch() == signals.listeningEpoch()
                        && held.generation() == generation(connectionId).get()
                ? Optional.of(held.value())
                : Optional.empty();
    }

    /**
     * This instance changed the connection or its chargers: what is held of it is dropped when the current
     * transaction commits (at once outside a transaction).
     */
    public void changed(long connectionId) {
        afterCommit(() -> forget(connectionId));
    }

    /** This instance changed connections it cannot name: everything held is dropped when the transaction commits. */
    public void changedAll() {
        afterCommit(this::forgetAll);
    }

    private void signalled(String payload) {
        try {
            forget(Long.parseLong(payload.strip()));
        } catch (NumberFormatException e) {
            log.debug("Unexpected signal on {}: {}", CHANNEL, payload);
            forgetAll();
        }
    }

    private void forget(long connectionId) {
        generation(connectionId).incrementAndGet();
        listGeneration.incrementAndGet();
    }

    private void forgetAll() {
        generations.values().forEach(AtomicLong::incrementAndGet);
        listGeneration.incrementAndGet();
        inventories.clear();
    }

    private AtomicLong generation(long connectionId) {
        return generations.computeIfAbsent(connectionId, id -> new AtomicLong());
    }

    private static void afterCommit(Runnable forget) {
        forget.run(); // a read that starts now still sees the old rows: it is read again after the commit too
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
