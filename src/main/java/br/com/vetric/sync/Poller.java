package br.com.vetric.sync;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.cpms.CveProConnection;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.sync.internal.ConnectionRepository.Stored;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Polls every CVE-PRO connection every poll interval, each on its own pace and concurrently: a dispatcher looks
 * several times per interval for connections that are due ({@link PollSchedule}) and hands each to a virtual thread,
 * at most {@code max-concurrent-polls} at once. A deactivated condominium's part of a poll is not applied.
 */
@Component
class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final SyncCycle cycle;
    private final Connections connections;
    private final Condominiums condominiums;
    private final ObjectProvider<CveProConnection> environmentAccount;
    private final PollSchedule schedule;
    private final PollLeases leases;
    private final SyncMonitor monitor;
    private final SyncProperties props;
    private final AtomicLong ticks = new AtomicLong();
    private final Semaphore workers;
    private ScheduledExecutorService dispatcher;
    private ExecutorService polls;
    private volatile long lastPruneNanos = System.nanoTime();
    private volatile boolean running;

    Poller(
            SyncCycle cycle,
            Connections connections,
            Condominiums condominiums,
            ObjectProvider<CveProConnection> environmentAccount,
            PollSchedule schedule,
            PollLeases leases,
            SyncMonitor monitor,
            SyncProperties props) {
        this.cycle = cycle;
        this.connections = connections;
        this.condominiums = condominiums;
        this.environmentAccount = environmentAccount;
        this.schedule = schedule;
        this.leases = leases;
        this.monitor = monitor;
        this.props = props;
        this.workers = new Semaphore(props.maxConcurrentPolls());
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        CveProConnection account = environmentAccount.getIfAvailable();
        if (account != null) {
            Tenancy.acrossAll(
                    "the environment's CVE-PRO account adopts the chargers already known",
                    () -> connections.registerEnvironmentAccount(
                            account, condominiums.primary().id()));
        }
        if (!props.enabled()) {
            log.info("Polling is off (vetric.sync.enabled=false)");
            return;
        }
        polls = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("vetric-poll-", 0).factory());
        dispatcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vetric-poller");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, Math.min(1000, cycle.interval().toMillis() / 10));
        dispatcher.scheduleWithFixedDelay(this::dispatch, 0, every, TimeUnit.MILLISECONDS);
        monitor.pollerActive(true);
        log.info(
                "Polling each CVE-PRO connection every {} ms as instance {}, under poll leases of {} ms",
                cycle.interval().toMillis(),
                leases.instance(),
                leases.ttl().toMillis());
    }

    /** Renews and takes this instance's poll leases, then starts the polls of its connections that are due. */
    void dispatch() {
        try {
            List<Stored> all = connections.all();
            schedule.retain(all.stream().map(Stored::id).toList());
            Map<Long, Long> held = leases.maintain(all.size(), schedule::inFlight);
            for (Stored c : all) {
                Long token = held.get(c.id());
                if (token == null) {
                    continue; // another instance polls it
                }
                long now = System.nanoTime();
                if (!schedule.claim(c.id(), now)) {
                    continue;
                }
                if (!workers.tryAcquire()) {
                    schedule.release(c.id(), now);
                    continue;
                }
                polls.execute(() -> {
                    try (MDC.MDCCloseable m = MDC.putCloseable("connection", Long.toString(c.id()))) {
                        leases.polling(c.id(), token, () -> cycle.poll(c));
                    } catch (RuntimeException e) {
                        log.error("Poll of connection {} failed", c.id(), e);
                    } finally {
                        schedule.done(c.id());
                        workers.release();
                    }
                });
            }
            prune();
        } catch (RuntimeException e) {
            log.error("Poll dispatch failed", e);
        }
    }

    /**
     * Polls every connection once now, concurrently, and returns when all are done (tests and tools; the schedule
     * is {@link #dispatch}).
     */
    void tick() {
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> started = connections.all().stream()
                    .map(c -> each.submit(() -> cycle.poll(c)))
                    .<Future<?>>map(f -> f)
                    .toList();
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (Exception e) {
                    log.error("Poll failed", e);
                }
            }
            prune();
        } catch (RuntimeException e) {
            log.error("Sync tick failed", e);
        } finally {
            ticks.incrementAndGet();
        }
    }

    private void prune() {
        if (System.nanoTime() - lastPruneNanos > PRUNE_EVERY.toNanos()) {
            lastPruneNanos = System.nanoTime();
            Tenancy.acrossAll("sync cycles of every condominium age out", cycle::prune);
        }
    }

    /** How many turns {@link #tick} has taken (tests wait for the next one). */
    long ticks() {
        return ticks.get();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        monitor.pollerActive(false);
        for (ExecutorService e : new ExecutorService[] {dispatcher, polls}) {
            if (e != null) {
                e.shutdownNow();
                try {
                    e.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (dispatcher != null) {
            try {
                leases.releaseAll(); // the other instances take this one's connections at once
            } catch (RuntimeException e) {
                log.warn("Could not release the poll leases: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
