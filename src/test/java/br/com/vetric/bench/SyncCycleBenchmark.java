package br.com.vetric.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.cpms.internal.CveProParser;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.simulator.ChargerSpec;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.Resident;
import br.com.vetric.simulator.SimulatorConfig;
import br.com.vetric.sync.CycleOutcome;
import br.com.vetric.sync.SyncCycle;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #2's performance target: 10,000 chargers and 1,000 open sessions in the simulator, 10 % of the chargers
 * changing per cycle. Measures a cycle's own work and counts database statements. Not part of {@code verify};
 * run with {@code ./mvnw test -Pbenchmark -Dtest=SyncCycleBenchmark} (see docs/BENCHMARKS.md).
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
@Import(SyncCycleBenchmark.CountingConfig.class)
class SyncCycleBenchmark {

    static final int CHARGERS = Integer.getInteger("bench.chargers", 10_000);
    static final int OPEN = Integer.getInteger("bench.open", 1_000);
    static final int CYCLES = Integer.getInteger("bench.cycles", 15);
    static final CveProSimulator sim = startSimulator();

    static final AtomicLong STATEMENTS = new AtomicLong();
    static final AtomicLong BATCHED_ROWS = new AtomicLong();
    /** Only statements of the cycle itself count, not those of listeners running on other threads meanwhile. */
    static volatile Thread measured;

    static CveProSimulator startSimulator() {
        List<ChargerSpec> chargers = new ArrayList<>();
        for (int i = 1; i <= CHARGERS; i++) {
            chargers.add(ChargerSpec.simple(10_000 + i, "BENCH_%05d".formatted(i),
                    "00000000-0000-4000-8000-%012d".formatted(i), "Vaga %05d".formatted(i)));
        }
        List<Resident> residents = new ArrayList<>();
        for (int i = 1; i <= OPEN; i++) {
            residents.add(new Resident("Morador " + i, "Apto " + i, null, List.of("%08X".formatted(0xB0000000L + i))));
        }
        DemoCondominium bench = new DemoCondominium("Bench", null, chargers, residents, List.of());
        return CveProSimulator.start(SimulatorConfig.quiet(Instant.now()).withCondominium(bench).withPort(0));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("vetric.cpms.url", sim::baseUrl);
        r.add("vetric.cpms.api-key", () -> sim.config().apiKey());
        r.add("vetric.cpms.email", () -> sim.config().email());
        r.add("vetric.cpms.password", () -> sim.config().password());
        r.add("vetric.cpms.timeout", () -> "60s");
        r.add("logging.level.br.com.vetric", () -> "warn");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Autowired SyncCycle sync;
    @Autowired Condominiums condominiums;
    @Autowired Residents residents;

    @Test
    void cycleWorkWith10kChargersAnd1kOpenSessions() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        for (Resident r : sim.config().condominium().residents()) {
            residents.create(condo, new ResidentCommand(r.name(), r.apartment(), null, null, r.tags(), true));
        }
        assertThat(sync.run(condo).success()).isTrue(); // discovers the chargers
        for (int i = 1; i <= OPEN; i++) {
            String charger = "BENCH_%05d".formatted(i);
            sim.plugIn(charger, "%08X".formatted(0xB0000000L + i));
            sim.startCharging(charger);
        }
        sim.advance(Duration.ofMinutes(1));
        CycleOutcome opening = sync.run(condo);
        assertThat(opening.success()).isTrue();

        List<Row> rows = new ArrayList<>();
        rows.add(measure(condo, "no change", 0));
        for (int c = 0; c < CYCLES; c++) {
            // 10 %: half of the open sessions go idle or resume, and as many free chargers fault or recover
            int changing = CHARGERS / 10;
            for (int i = 1; i <= changing / 2; i++) {
                String charger = "BENCH_%05d".formatted(1 + ((c * 37 + i) % OPEN));
                if (c % 2 == 0) {
                    sim.suspend(charger);
                } else {
                    sim.resume(charger);
                }
                String free = "BENCH_%05d".formatted(OPEN + 1 + i);
                if (c % 2 == 0) {
                    sim.fault(free, "GroundFailure");
                } else {
                    sim.clearFault(free);
                }
            }
            sim.advance(Duration.ofSeconds(10));
            rows.add(measure(condo, "10 % changed", changing));
        }
        rows.add(measure(condo, "no change", 0));
        String report = report(rows, opening);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "sync-cycle.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private Row measure(CondominiumId condo, String label, int changing) throws IOException, InterruptedException {
        // parsing alone, on the same documents the cycle is about to read
        String chargepoints = raw("/api/v1/chargepoints");
        String transactions = raw("/api/v1/transaction?fromDate=2000-01-01%2000:00:00&toDate=2100-01-01%2000:00:00");
        CveProParser parser = new CveProParser();
        long p0 = System.nanoTime();
        parser.chargePoints(chargepoints);
        parser.transactions(transactions);
        long parseMs = (System.nanoTime() - p0) / 1_000_000;
        STATEMENTS.set(0);
        BATCHED_ROWS.set(0);
        measured = Thread.currentThread();
        CycleOutcome outcome = sync.run(condo);
        measured = null;
        assertThat(outcome.success()).as(outcome.error()).isTrue();
        Thread.sleep(1500); // let the listeners of this cycle's events finish before the next measurement
        return new Row(label, changing, outcome.durationMs(), outcome.fetchMs(), parseMs, outcome.applyMs(),
                STATEMENTS.get(), BATCHED_ROWS.get(), outcome.changes());
    }

    private String raw(String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String login = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/login"))
                .header("Api-Key", sim.config().apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + sim.config().email() + "\",\"password\":\""
                        + sim.config().password() + "\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = new CveProParser().token(login);
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Api-Key", sim.config().apiKey())
                .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String report(List<Row> rows, CycleOutcome opening) {
        StringBuilder b = new StringBuilder();
        b.append("Chargers: ").append(CHARGERS).append(", open sessions: ").append(OPEN).append(", cycles: ")
                .append(CYCLES).append("\n\n");
        b.append("Cycle that opened the sessions: ").append(opening.durationMs()).append(" ms, ")
                .append(opening.changes()).append(" changes\n\n");
        b.append("| cycle | chargers changed | whole cycle ms | fetch (HTTP+parse) ms | parse ms | compare+write ms | own work ms | statements | batched rows | changes |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", r.label,
                    r.changing, r.totalMs, r.fetchMs, r.parseMs, r.applyMs, r.parseMs + r.applyMs, r.statements,
                    r.batchedRows, r.changes));
        }
        List<Long> own = rows.stream().filter(r -> r.changing > 0).map(r -> r.parseMs + r.applyMs).sorted().toList();
        List<Long> whole = rows.stream().filter(r -> r.changing > 0).map(r -> r.totalMs).sorted().toList();
        b.append("\nMedian own work (parse + compare + write) with 10 % changing: ").append(median(own)).append(" ms\n");
        b.append("Median whole cycle (including the HTTP transfer from the simulator): ").append(median(whole)).append(" ms\n");
        return b.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    record Row(String label, int changing, long totalMs, long fetchMs, long parseMs, long applyMs, long statements,
               long batchedRows, int changes) {
    }

    /** Counts statements sent to PostgreSQL (a batch is one statement; its rows are counted apart). */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingConfig {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource ds && !(bean instanceof Proxy)) {
                        return proxy(DataSource.class, ds);
                    }
                    return bean;
                }
            };
        }

        @SuppressWarnings("unchecked")
        static <T> T proxy(Class<T> type, T target) {
            InvocationHandler h = (p, m, args) -> {
                String n = m.getName();
                if (target instanceof Statement && Thread.currentThread() == measured) {
                    if (n.equals("addBatch")) {
                        BATCHED_ROWS.incrementAndGet();
                    } else if (n.startsWith("execute")) {
                        STATEMENTS.incrementAndGet();
                    }
                }
                Object result;
                try {
                    result = m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (result instanceof Connection c) {
                    return proxy(Connection.class, c);
                }
                if (result instanceof java.sql.PreparedStatement ps) {
                    return proxy(java.sql.PreparedStatement.class, ps);
                }
                if (result instanceof Statement st) {
                    return proxy(Statement.class, st);
                }
                return result;
            };
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, h);
        }
    }
}
