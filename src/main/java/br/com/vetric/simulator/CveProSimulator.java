package br.com.vetric.simulator;

import br.com.vetric.simulator.internal.HttpFront;
import br.com.vetric.simulator.internal.Scenarios;
import br.com.vetric.simulator.internal.World;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake CVE-PRO (Intelbras charge-point management cloud) served over real HTTP on 127.0.0.1.
 * See the package documentation for the wire API, the quirks and the {@code /_control} endpoints.
 *
 * <pre>{@code
 * try (var sim = CveProSimulator.start(SimulatorConfig.quiet(Instant.parse("2026-01-12T22:00:00Z")))) {
 *     sim.plugIn("Garagem 1", "6513270E");
 *     sim.startCharging("Garagem 1");
 *     sim.advance(Duration.ofMinutes(30));
 *     // point the client at sim.baseUrl()
 * }
 * }</pre>
 *
 * <p>One simulator can serve many accounts ({@link #account}): each at its own path under the same server, as
 * different CVE-PRO tenants, without a server or thread each.
 */
public final class CveProSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CveProSimulator.class);

    /** Where accounts added with {@link #account} are served: {@code <baseUrl>/accounts/<name>}. */
    public static final String ACCOUNTS_PREFIX = "/accounts/";

    private final SimulatorConfig config;
    private final World world;
    private final HttpFront front;
    /** The HTTP server, its threads and the clock ticker, shared by the host and every account added to it. */
    private final Host host;
    /** Empty for the host's own account, else {@code /accounts/<name>}. */
    private final String prefix;

    private final ScheduledFuture<?> ticking;

    /** One HTTP server and one pool of threads for every account; the first path segments choose the account. */
    private static final class Host implements HttpHandler {
        final HttpServer server;
        final ExecutorService httpPool;
        final Map<String, HttpFront> accounts = new ConcurrentHashMap<>();
        HttpFront own;
        ScheduledExecutorService ticker;

        Host(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            httpPool = Executors.newFixedThreadPool(16, daemon("cvepro-sim-http"));
            server.setExecutor(httpPool);
            server.createContext("/", this);
        }

        @Override
        public void handle(HttpExchange ex) throws IOException {
            String path = ex.getRequestURI().getPath();
            if (path.startsWith(ACCOUNTS_PREFIX)) {
                int end = path.indexOf('/', ACCOUNTS_PREFIX.length());
                String name = path.substring(ACCOUNTS_PREFIX.length(), end < 0 ? path.length() : end);
                HttpFront account = accounts.get(name);
                if (account != null) {
                    account.handle(ex, end < 0 ? "/" : path.substring(end));
                    return;
                }
            }
            own.handle(ex, path);
        }

        synchronized ScheduledExecutorService ticker() {
            if (ticker == null) {
                ticker = Executors.newSingleThreadScheduledExecutor(daemon("cvepro-sim-ticker"));
            }
            return ticker;
        }

        void close() {
            synchronized (this) {
                if (ticker != null) ticker.shutdownNow();
            }
            server.stop(0);
            httpPool.shutdownNow();
        }
    }

    private CveProSimulator(SimulatorConfig config, Host host, String prefix) {
        this.config = config;
        this.host = host;
        this.prefix = prefix;
        Instant start =
                config.startAt() != null ? config.startAt() : Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.world =
                new World(config.condominium(), start, config.randomSeed(), config.autopilot(), config.seedHistory());
        this.front = new HttpFront(world, config);
        if (config.autoRun()) {
            long[] last = {System.nanoTime()};
            ticking = host.ticker()
                    .scheduleAtFixedRate(
                            () -> {
                                try {
                                    long t = System.nanoTime();
                                    long elapsed = t - last[0];
                                    last[0] = t;
                                    world.advance(Duration.ofNanos((long) (elapsed * config.speed())));
                                } catch (RuntimeException e) {
                                    log.warn("CVE-PRO simulator ticker failed", e);
                                }
                            },
                            1,
                            1,
                            TimeUnit.SECONDS);
        } else {
            ticking = null;
        }
    }

    /** Starts the simulator on 127.0.0.1:{@code cfg.port()} (0 = random port). */
    public static CveProSimulator start(SimulatorConfig cfg) {
        Host host;
        try {
            host = new Host(cfg.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start CVE-PRO simulator", e);
        }
        CveProSimulator sim = new CveProSimulator(cfg, host, "");
        host.own = sim.front;
        host.server.start();
        log.info(
                "CVE-PRO simulator listening on {} ({} chargers, autoRun={}, speed={})",
                sim.baseUrl(),
                cfg.condominium().chargers().size(),
                cfg.autoRun(),
                cfg.speed());
        return sim;
    }

    /**
     * Another CVE-PRO account served by this simulator's server, at {@code <baseUrl>/accounts/<name>}: its own
     * chargers, residents, credentials, clock, tokens, faults and counters, without a server or thread of its own
     * (its ticker, if {@code cfg.autoRun()}, shares the host's one thread). Closing it stops serving it; closing the
     * host stops every account. {@code cfg.port()} is ignored.
     *
     * @param name letters, digits, '-' or '_'; unique on this simulator
     */
    public CveProSimulator account(String name, SimulatorConfig cfg) {
        if (!prefix.isEmpty()) {
            throw new IllegalStateException("add accounts to the simulator that serves them: " + hostUrl());
        }
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("not an account name: " + name);
        }
        CveProSimulator account = new CveProSimulator(cfg, host, ACCOUNTS_PREFIX + name);
        if (host.accounts.putIfAbsent(name, account.front) != null) {
            account.close();
            throw new IllegalArgumentException("account " + name + " is served already");
        }
        return account;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** e.g. {@code http://127.0.0.1:54321} (no trailing slash); an added account's ends with its path. */
    public String baseUrl() {
        return hostUrl() + prefix;
    }

    private String hostUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return host.server.getAddress().getPort();
    }

    public SimulatorConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (ticking != null) ticking.cancel(false);
        if (prefix.isEmpty()) {
            host.close();
        } else {
            host.accounts.remove(prefix.substring(ACCOUNTS_PREFIX.length()), front);
        }
    }

    // ------------------------------------------------------------------ clock

    /** Current simulated instant. */
    public Instant now() {
        return world.now();
    }

    /** Advances the simulated clock (energy, idle time, heartbeats, scheduled scenario steps, autopilot). */
    public void advance(Duration d) {
        world.advance(d);
    }

    // ------------------------------------------------------------------ world control
    // A charger reference may be its chargeBoxId, uuid, description ("Garagem 1"), chargeBoxPk or 1-based index.

    /** Plugs a car in on connector 1 and presents {@code tag}: status Preparing. */
    public void plugIn(String charger, String tag) {
        world.plugIn(charger, 1, tag, false);
    }

    /** Like {@link #plugIn(String, String)}; with {@code hideIdTag} the transaction reports {@code ocppIdTag: ""} while running. */
    public void plugIn(String charger, int connectorId, String tag, boolean hideIdTag) {
        world.plugIn(charger, connectorId, tag, hideIdTag);
    }

    /** StartTransaction: status Charging; returns the transaction id. Resumes if a transaction is already running. */
    public long startCharging(String charger) {
        return world.startCharging(charger, 1);
    }

    public long startCharging(String charger, int connectorId) {
        return world.startCharging(charger, connectorId);
    }

    /** Car stops drawing power (battery full): SuspendedEV, idleDuration starts growing. */
    public void suspend(String charger) {
        world.suspend(charger, 1, "SuspendedEV");
    }

    /** @param status SuspendedEV or SuspendedEVSE */
    public void suspend(String charger, int connectorId, String status) {
        world.suspend(charger, connectorId, status);
    }

    public void resume(String charger) {
        world.resume(charger, 1);
    }

    public void resume(String charger, int connectorId) {
        world.resume(charger, connectorId);
    }

    /** StopTransaction with an OCPP 1.6 reason (EVDisconnected, Local, Remote, ...): status Finishing. */
    public void stop(String charger, String reason) {
        world.stop(charger, 1, reason);
    }

    public void stop(String charger, int connectorId, String reason) {
        world.stop(charger, connectorId, reason);
    }

    /** Cable removed: status Available (a still running transaction stops with EVDisconnected). */
    public void unplug(String charger) {
        world.unplug(charger, 1);
    }

    public void unplug(String charger, int connectorId) {
        world.unplug(charger, connectorId);
    }

    /** Status Faulted with an OCPP errorCode (e.g. GroundFailure); a running transaction stays open. */
    public void fault(String charger, String errorCode) {
        world.fault(charger, 1, errorCode);
    }

    public void fault(String charger, int connectorId, String errorCode) {
        world.fault(charger, connectorId, errorCode);
    }

    public void clearFault(String charger) {
        world.clearFault(charger, 1);
    }

    public void clearFault(String charger, int connectorId) {
        world.clearFault(charger, connectorId);
    }

    /** Sets a raw status / errorCode (any string, e.g. Occupied, Reserved, Unavailable); null leaves it unchanged. */
    public void setConnectorStatus(String charger, int connectorId, String status, String errorCode) {
        world.setConnectorStatus(charger, connectorId, status, errorCode);
    }

    /** The charger stops sending heartbeats (lastHeartbeatTimestamp freezes, energy is not reported). */
    public void offline(String charger) {
        world.offline(charger);
    }

    public void online(String charger) {
        world.online(charger);
    }

    /** New charger on the same parking spot: new uuid and chargeBoxId ({@code <old>_R<n>}); returns the new chargeBoxId. */
    public String replaceCharger(String charger) {
        return world.replaceCharger(charger, null);
    }

    public String replaceCharger(String charger, String newChargeBoxId) {
        return world.replaceCharger(charger, newChargeBoxId);
    }

    /** New transactions appear on /transaction only this long after the connector shows Charging (default 0). */
    public void setTransactionLag(Duration lag) {
        world.setTransactionLag(lag);
    }

    /** Heartbeat period of online chargers (default 30 s of simulated time). */
    public void setHeartbeatInterval(Duration interval) {
        world.setHeartbeatInterval(interval);
    }

    /** Replays a scenario from now on (steps fire as the clock advances). */
    public void play(Scenario scenario) {
        Scenarios.play(world, scenario);
    }

    /** Errors raised by scenario steps (they are logged and skipped). */
    public List<String> scenarioErrors() {
        return world.eventErrors();
    }

    public List<ChargerSnapshot> chargers() {
        return world.chargerSnapshots();
    }

    public ChargerSnapshot charger(String charger) {
        return world.chargerSnapshot(charger);
    }

    public List<TransactionSnapshot> transactions() {
        return world.transactionSnapshots();
    }

    // ------------------------------------------------------------------ wire faults, tokens, counters

    public void injectFault(FaultSpec fault) {
        front.injectFault(fault);
    }

    /** The next {@code n} API calls answer {@code httpStatus} (500, 502 or 503). */
    public void failNext(int n, int httpStatus) {
        front.injectFault(FaultSpec.next(
                n,
                switch (httpStatus) {
                    case 502 -> FaultSpec.Kind.HTTP_502;
                    case 503 -> FaultSpec.Kind.HTTP_503;
                    case 401 -> FaultSpec.Kind.UNAUTHORIZED;
                    default -> FaultSpec.Kind.HTTP_500;
                }));
    }

    /** Every API call answers {@code httpStatus} during {@code d} of real time. */
    public void failFor(Duration d, int httpStatus) {
        front.injectFault(FaultSpec.forDuration(
                d,
                switch (httpStatus) {
                    case 502 -> FaultSpec.Kind.HTTP_502;
                    case 503 -> FaultSpec.Kind.HTTP_503;
                    case 401 -> FaultSpec.Kind.UNAUTHORIZED;
                    default -> FaultSpec.Kind.HTTP_500;
                }));
    }

    /** The next {@code n} API calls return a truncated JSON body with status 200. */
    public void malformedNext(int n) {
        front.injectFault(FaultSpec.next(n, FaultSpec.Kind.MALFORMED_JSON));
    }

    /** The next {@code n} API calls are answered after {@code delay}. */
    public void slowNext(int n, Duration delay) {
        front.injectFault(FaultSpec.next(n, FaultSpec.Kind.SLOW).withDelay(delay));
    }

    /** The next {@code n} API calls hang for {@code delay} (choose more than the client's timeout). */
    public void timeoutNext(int n, Duration delay) {
        front.injectFault(FaultSpec.next(n, FaultSpec.Kind.TIMEOUT).withDelay(delay));
    }

    public void clearFaults() {
        front.clearFaults();
    }

    /** Invalidates every issued token: the next authenticated call gets 401 and the client must log in again. */
    public void expireTokens() {
        front.expireTokens();
    }

    /** Requests received on a path (e.g. {@code /api/v1/transaction}), including failed/faulted ones; /_control excluded. */
    public long requestCount(String path) {
        return front.requestCount(path);
    }

    public Map<String, Long> requestCounts() {
        return front.requestCounts();
    }

    public void resetCounters() {
        front.resetCounters();
    }
}
