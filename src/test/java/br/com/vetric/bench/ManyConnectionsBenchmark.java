package br.com.vetric.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.simulator.ChargerSpec;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.SimulatorConfig;
import br.com.vetric.sync.ConnectionCommand;
import br.com.vetric.sync.Connections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #11 "Performance": 500 CVE-PRO connections of 10 chargers each (5,000 chargers), all served by one simulator
 * process ({@link CveProSimulator#account}), polled by the real {@code Poller} every 10 s while 5 % of the chargers
 * change per interval. Reports how evenly each connection's polls start (the share of consecutive starts within the
 * interval + 2 s), the CPU of VETRIC (simulator threads left out) and of PostgreSQL, the statements PostgreSQL
 * executed per interval ({@code pg_stat_statements}, every thread) and the RSS. For comparison, the same with 50
 * connections and with nothing changing. Not part of {@code verify}:
 * {@code ./mvnw test -Pbenchmark -Dtest=ManyConnectionsBenchmark [-Dbenchmark.minutes=10]
 * [-Dbenchmark.compare-minutes=1]}, then {@code target/benchmarks/many-connections.md} (docs/BENCHMARKS.md).
 */
@Tag("benchmark")
@SpringBootTest(
        properties = {
            "vetric.sync.enabled=true",
            "vetric.sync.poll-interval=10s",
            "vetric.demo.live=false",
            "vetric.condominium.plans.basic.chargers=1000"
        })
@ActiveProfiles("test")
class ManyConnectionsBenchmark {

    static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 500);
    static final int FEW = Integer.getInteger("benchmark.few-connections", 50);
    static final int CHARGERS_EACH = Integer.getInteger("benchmark.chargers", 10);
    static final double CHANGING = Double.parseDouble(System.getProperty("benchmark.changing", "0.05"));
    static final double MINUTES = Double.parseDouble(System.getProperty("benchmark.minutes", "10"));
    static final double COMPARE_MINUTES = Double.parseDouble(System.getProperty("benchmark.compare-minutes", "1"));
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration SLACK = Duration.ofSeconds(2);

    static final PgMeter pg = PgMeter.start();
    /** The host's own account is VETRIC's environment connection (one charger); the benchmark's are added to it. */
    static final CveProSimulator sim = CveProSimulator.start(SimulatorConfig.quiet(Instant.now())
            .withCondominium(new DemoCondominium(
                    "Host",
                    null,
                    List.of(ChargerSpec.simple(1, "HOST_1", "host-0000-1", "Host 1")),
                    List.of(),
                    List.of())));

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        pg.vetric(r, sim, "20s");
    }

    @AfterAll
    static void stop() throws IOException {
        sim.close();
        pg.close();
    }

    @Autowired
    Connections connections;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    final List<CveProSimulator> accounts = new ArrayList<>();
    final Map<CveProSimulator, Long> connectionOf = new HashMap<>();
    final List<boolean[]> faulted = new ArrayList<>();
    final Random random = new Random(11);

    @Test
    void fiveHundredConnectionsPolledEvenlyWithStatementsThatFollowTheChanges() throws Exception {
        List<Phase> phases = new ArrayList<>();
        register(FEW);
        settle();
        phases.add(measure(FEW + " connections, nothing changing", 0, COMPARE_MINUTES));
        phases.add(measure(FEW + " connections, " + percent() + " changing", CHANGING, COMPARE_MINUTES));
        register(CONNECTIONS - FEW);
        settle();
        phases.add(measure(CONNECTIONS + " connections, " + percent() + " changing", CHANGING, MINUTES));
        phases.add(measure(CONNECTIONS + " connections, nothing changing", 0, COMPARE_MINUTES));
        String report = report(phases);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "many-connections.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(phases.get(2).polls()).isPositive();
    }

    private static String percent() {
        return String.format(Locale.ROOT, "%.0f %%", CHANGING * 100);
    }

    /** Adds {@code n} accounts of {@code CHARGERS_EACH} chargers, each a connection for a condominium of its own. */
    private void register(int n) {
        for (int k = 0; k < n; k++) {
            int i = accounts.size() + 1;
            List<ChargerSpec> chargers = new ArrayList<>();
            for (int j = 1; j <= CHARGERS_EACH; j++) {
                chargers.add(ChargerSpec.simple(
                        i * 100 + j,
                        "MANY_%03d_%02d".formatted(i, j),
                        "00000000-0000-4000-9000-%06d%06d".formatted(i, j),
                        "Vaga %02d".formatted(j)));
            }
            CveProSimulator account = sim.account(
                    "conta-" + i,
                    SimulatorConfig.quiet(Instant.now())
                            .withCondominium(new DemoCondominium("Conta " + i, null, chargers, List.of(), List.of()))
                            .withCredentials(
                                    "key-%03d-0123456789".formatted(i),
                                    "conta%03d@cvepro.test".formatted(i),
                                    "pw-%03d-secret".formatted(i)));
            CondominiumId condo =
                    condominiums.create("Condomínio %03d".formatted(i)).id();
            long id = connections
                    .create(new ConnectionCommand(
                            account.baseUrl(),
                            account.config().apiKey(),
                            account.config().email(),
                            account.config().password(),
                            condo))
                    .id();
            accounts.add(account);
            connectionOf.put(account, id);
            faulted.add(new boolean[CHARGERS_EACH]);
        }
    }

    /** Lets every new connection be polled (chargers discovered, history read) before measuring. */
    private void settle() throws InterruptedException {
        long until = System.nanoTime() + INTERVAL.multipliedBy(3).toNanos();
        while (System.nanoTime() < until) {
            catchUp();
            Thread.sleep(1000);
        }
    }

    /** Every account's clock follows the real one (VETRIC reads the real one). */
    private void catchUp() {
        Instant now = Instant.now();
        for (CveProSimulator a : accounts) {
            Duration behind = Duration.between(a.now(), now);
            if (behind.isPositive()) {
                a.advance(behind);
            }
        }
    }

    /** Faults or clears {@code share} of the chargers, chosen at random. */
    private int change(double share) {
        int total = accounts.size() * CHARGERS_EACH;
        int n = (int) Math.round(total * share);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        for (int x : all.subList(0, n)) {
            int a = x / CHARGERS_EACH;
            int c = x % CHARGERS_EACH;
            String charger = "MANY_%03d_%02d".formatted(a + 1, c + 1);
            if (faulted.get(a)[c]) {
                accounts.get(a).clearFault(charger);
            } else {
                accounts.get(a).fault(charger, "GroundFailure");
            }
            faulted.get(a)[c] = !faulted.get(a)[c];
        }
        return n;
    }

    private Phase measure(String label, double share, double minutes) throws InterruptedException {
        double load = load();
        Instant from = Instant.now();
        pg.reset();
        PgMeter.Reading before = pg.read();
        long end = System.nanoTime() + (long) (minutes * 60e9);
        long nextChange = System.nanoTime();
        int intervals = 0;
        long changed = 0;
        while (System.nanoTime() < end) {
            if (System.nanoTime() >= nextChange) {
                changed += change(share);
                intervals++;
                nextChange += INTERVAL.toNanos();
            }
            catchUp();
            Thread.sleep(250);
        }
        PgMeter.Reading used = pg.read().minus(before);
        Instant to = Instant.now();
        double loadAfter = load();
        return new Phase(
                label,
                accounts.size(),
                Duration.between(from, to),
                intervals,
                changed,
                used,
                spread(from, to),
                PgMeter.rssMb(),
                (load + loadAfter) / 2,
                pg.top(12));
    }

    record Spread(
            long connections,
            long polls,
            long gaps,
            long gapsWithin,
            long connectionsAllWithin,
            long maxGapMs,
            long p99GapMs,
            long failed) {}

    /** How far apart each connection's consecutive poll starts were (the cycle log, read after the window). */
    private Spread spread(Instant from, Instant to) {
        Map<Long, List<Instant>> starts = new HashMap<>();
        long[] failed = {0};
        jdbc.sql("""
                        select connection_id, started_at, outcome from sync_cycle
                         where started_at >= :from and started_at < :to and connection_id = any(:ids)
                         order by connection_id, started_at""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("ids", connectionOf.values().toArray(Long[]::new))
                .query(rs -> {
                    starts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getTimestamp(2).toInstant());
                    if (!"SUCCESS".equals(rs.getString(3))) {
                        failed[0]++;
                    }
                });
        List<Long> gaps = new ArrayList<>();
        long within = 0;
        long allWithin = 0;
        long polls = 0;
        long limit = INTERVAL.plus(SLACK).toMillis();
        for (long id : connectionOf.values()) {
            List<Instant> s = starts.getOrDefault(id, List.of());
            polls += s.size();
            // the window's edges count as starts too: a connection not polled for long at either end shows
            List<Instant> edges = new ArrayList<>();
            edges.add(from);
            edges.addAll(s);
            boolean ok = true;
            for (int i = 1; i < edges.size(); i++) {
                long gap = Duration.between(edges.get(i - 1), edges.get(i)).toMillis();
                if (i == 1) {
                    if (gap > limit) {
                        ok = false; // its first poll in the window came late
                    }
                    continue;
                }
                gaps.add(gap);
                if (gap <= limit) {
                    within++;
                } else {
                    ok = false;
                }
            }
            if (s.isEmpty() || Duration.between(s.getLast(), to).toMillis() > limit) {
                ok = false;
            }
            if (ok) {
                allWithin++;
            }
        }
        Collections.sort(gaps);
        return new Spread(
                connectionOf.size(),
                polls,
                gaps.size(),
                within,
                allWithin,
                gaps.isEmpty() ? 0 : gaps.getLast(),
                gaps.isEmpty() ? 0 : gaps.get((int) Math.min(gaps.size() - 1, Math.floor(gaps.size() * 0.99))),
                failed[0]);
    }

    record Phase(
            String label,
            int connections,
            Duration length,
            int intervals,
            long changed,
            PgMeter.Reading used,
            Spread spread,
            long rssMb,
            double load,
            List<String> top) {

        long polls() {
            return spread.polls();
        }

        double perInterval(long value) {
            return value * (double) INTERVAL.toMillis() / length.toMillis();
        }
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String report(List<Phase> phases) {
        StringBuilder b = new StringBuilder();
        b.append("Connections of ")
                .append(CHARGERS_EACH)
                .append(" chargers each, one simulator process serving every account, poll interval ")
                .append(INTERVAL.toSeconds())
                .append(" s (plus the environment's connection, one charger). ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores.\n\n");
        b.append("| phase | connections | minutes | changes per interval | polls | consecutive starts within "
                + "interval + 2 s | connections always within | p99 / max gap ms | failed polls | statements per "
                + "interval | per poll | per change | transactions per interval | VETRIC CPU per interval ms "
                + "(share of a core) | PostgreSQL CPU per interval ms (share of a core) | RSS MB | load average |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            Spread s = p.spread();
            double statements = p.perInterval(p.used().calls());
            double changes = p.intervals() == 0 ? 0 : (double) p.changed() / p.intervals();
            double polls = p.perInterval(s.polls());
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.0f | %d | %.2f %% (%d of %d) | %.1f %% (%d of %d) | %d / %d | %d | %.0f | %.2f | %s"
                            + " | %.0f | %.0f (%.0f %%) | %.0f (%.0f %%) | %d | %.1f |%n",
                    p.label(),
                    p.connections(),
                    p.length().toMillis() / 60_000.0,
                    changes,
                    s.polls(),
                    s.gaps() == 0 ? 0 : 100.0 * s.gapsWithin() / s.gaps(),
                    s.gapsWithin(),
                    s.gaps(),
                    100.0 * s.connectionsAllWithin() / s.connections(),
                    s.connectionsAllWithin(),
                    s.connections(),
                    s.p99GapMs(),
                    s.maxGapMs(),
                    s.failed(),
                    statements,
                    polls == 0 ? 0 : statements / polls,
                    changes == 0 ? "–" : String.format(Locale.ROOT, "%.2f", statements / changes),
                    p.perInterval(p.used().transactions()),
                    p.perInterval(p.used().jvmCpuMs()),
                    p.perInterval(p.used().jvmCpuMs()) / INTERVAL.toMillis() * 100,
                    p.perInterval(p.used().pgCpuMs()),
                    p.perInterval(p.used().pgCpuMs()) / INTERVAL.toMillis() * 100,
                    p.rssMb(),
                    p.load()));
        }
        for (Phase p : phases) {
            b.append("\nMost frequent statements, ")
                    .append(p.label())
                    .append(" (pg_stat_statements, the whole phase):\n\n| calls | rows | statement |\n|---|---|---|\n");
            p.top().forEach(t -> b.append(t).append('\n'));
        }
        return b.toString();
    }
}
