package br.com.vetric.sync;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.Tenancy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a sync cycle every poll interval, one at a time (fixed delay between the end of one and the next); a
 * deactivated condominium is skipped.
 */
@Component
class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final SyncCycle cycle;
    private final Condominiums condominiums;
    private final SyncMonitor monitor;
    private final SyncProperties props;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private volatile boolean skipping;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    Poller(SyncCycle cycle, Condominiums condominiums, SyncMonitor monitor, SyncProperties props) {
        this.props = props;
        this.cycle = cycle;
        this.condominiums = condominiums;
        this.monitor = monitor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!props.enabled()) {
            log.info("Polling is off (vetric.sync.enabled=false)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vetric-poller");
            t.setDaemon(true);
            return t;
        });
        long interval = cycle.interval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
        monitor.pollerActive(true);
        log.info("Polling CVE-PRO every {} ms", interval);
    }

    /**
     * One turn of the schedule. One CVE-PRO account today: the primary condominium's (per-condominium accounts come
     * with multi-tenancy), polled only while that condominium is active.
     */
    void tick() {
        try {
            Condominium polled = condominiums.primary();
            if (polled.active()) {
                Tenancy.within(polled.id(), () -> cycle.run(polled.id()));
                skipping = false;
            } else if (!skipping) {
                log.info("Condominium {} is deactivated: it is not polled until reactivated", polled.id());
                skipping = true;
            }
            if (runs.incrementAndGet() % 360 == 0) {
                Tenancy.acrossAll("sync cycles of every condominium age out", cycle::prune);
            }
        } catch (RuntimeException e) {
            log.error("Sync tick failed", e); // never let the schedule die
        } finally {
            ticks.incrementAndGet();
        }
    }

    /** How many turns the schedule has taken (tests wait for the next one). */
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
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
