package br.com.vetric.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.cpms.internal.CveProParser;
import br.com.vetric.platform.Tenancy;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cost of a 10 s cycle with 10,000 chargers and 1,000 open sessions in the simulator, 10 % of the chargers
 * changing per cycle (issues #2 and #18). Each measured cycle is a 10 s window, as in production: the poll, then
 * everything that follows it on every thread (event listeners, notification due checks and deliveries) until the
 * next poll. PostgreSQL is a dedicated server with {@code pg_stat_statements}: statements and transactions are
 * counted where they are executed. Not part of {@code verify}; run with
 * {@code ./mvnw test -Pbenchmark -Dtest=SyncCycleBenchmark} (see docs/BENCHMARKS.md).
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
class SyncCycleBenchmark {

    static final int CHARGERS = Integer.getInteger("bench.chargers", 10_000);
    static final int OPEN = Integer.getInteger("bench.open", 1_000);
    static final int CYCLES = Integer.getInteger("bench.cycles", 15);
    static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.window-seconds", 10));
    static final CveProSimulator sim = startSimulator();
    static final PgMeter pg = PgMeter.start();

    static CveProSimulator startSimulator() {
        List<ChargerSpec> chargers = new ArrayList<>();
        for (int i = 1; i <= CHARGERS; i++) {
            chargers.add(ChargerSpec.simple(
                    10_000 + i,
                    "BENCH_%05d".formatted(i),
                    "00000000-0000-4000-8000-%012d".formatted(i),
                    "Vaga %05d".formatted(i)));
        }
        List<Resident> residents = new ArrayList<>();
        for (int i = 1; i <= OPEN; i++) {
            residents.add(new Resident("Morador " + i, "Apto " + i, null, List.of("%08X".formatted(0xB0000000L + i))));
        }
        DemoCondominium bench = new DemoCondominium("Bench", null, chargers, residents, List.of());
        return CveProSimulator.start(
                SimulatorConfig.quiet(Instant.now()).withCondominium(bench).withPort(0));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        pg.vetric(r, sim, "60s");
    }

    @AfterAll
    static void stop() throws IOException {
        sim.close();
        pg.close();
    }

    @Autowired
    SyncCycle sync;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

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
        pg.reset();
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
        List<String> top = pg.top(15);
        pg.reset();
        rows.add(measure(condo, "no change", 0));
        List<String> idle = pg.top(15);
        System.gc();
        Thread.sleep(2000);
        String report = report(
                rows,
                opening,
                top,
                idle,
                PgMeter.rssMb(),
                java.lang.management.ManagementFactory.getMemoryMXBean()
                                .getHeapMemoryUsage()
                                .getUsed()
                        >> 20);
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
        PgMeter.Reading before = pg.read();
        long start = System.nanoTime();
        CycleOutcome outcome = Tenancy.within(condo, () -> sync.run(condo)); // as the poller does
        assertThat(outcome.success()).as(outcome.error()).isTrue();
        // the rest of the 10 s window: listeners, due checks and deliveries on every thread
        long left = WINDOW.toNanos() - (System.nanoTime() - start);
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
        PgMeter.Reading used = pg.read().minus(before);
        return new Row(
                label,
                changing,
                outcome.durationMs(),
                outcome.fetchMs(),
                parseMs,
                outcome.applyMs(),
                used.calls(),
                used.transactions(),
                used.pgCpuMs(),
                used.jvmCpuMs(),
                outcome.changes());
    }

    private String raw(String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String login = http.send(
                        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/login"))
                                .header("Api-Key", sim.config().apiKey())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + sim.config().email() + "\",\"password\":\""
                                                + sim.config().password() + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String token = new CveProParser().token(login);
        return http.send(
                        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                                .header("Api-Key", sim.config().apiKey())
                                .header("Authorization", token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String report(
            List<Row> rows, CycleOutcome opening, List<String> top, List<String> idle, long rssMb, long heapMb) {
        StringBuilder b = new StringBuilder();
        b.append("Chargers: ")
                .append(CHARGERS)
                .append(", open sessions: ")
                .append(OPEN)
                .append(", cycles: ")
                .append(CYCLES)
                .append(", window: ")
                .append(WINDOW.toSeconds())
                .append(" s\n\n");
        b.append("Cycle that opened the sessions: ")
                .append(opening.durationMs())
                .append(" ms, ")
                .append(opening.changes())
                .append(" changes\n\n");
        b.append("| cycle | chargers changed | whole cycle ms | fetch (HTTP+parse) ms | parse ms | compare+write ms "
                + "| statements (all threads) | per change | transactions | PostgreSQL CPU ms | VETRIC CPU ms |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %d | %s | %d | %d | %d |%n",
                    r.label,
                    r.changing,
                    r.totalMs,
                    r.fetchMs,
                    r.parseMs,
                    r.applyMs,
                    r.statements,
                    r.changing == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) r.statements / r.changing),
                    r.transactions,
                    r.pgCpuMs,
                    r.jvmCpuMs));
        }
        List<Row> changed = rows.stream().filter(r -> r.changing > 0).toList();
        b.append("\nWith 10 % changing (median of ")
                .append(changed.size())
                .append(" cycles): whole cycle ")
                .append(median(changed.stream().map(r -> r.totalMs).toList()))
                .append(" ms, own work (parse + compare + write) ")
                .append(median(changed.stream().map(r -> r.parseMs + r.applyMs).toList()))
                .append(" ms, statements ")
                .append(median(changed.stream().map(r -> r.statements).toList()))
                .append(String.format(
                        Locale.ROOT,
                        " (%.2f per change)",
                        (double) median(changed.stream().map(r -> r.statements).toList())
                                / changed.getFirst().changing))
                .append(", transactions ")
                .append(median(changed.stream().map(r -> r.transactions).toList()))
                .append(", PostgreSQL CPU ")
                .append(median(changed.stream().map(r -> r.pgCpuMs).toList()))
                .append(" ms, VETRIC CPU ")
                .append(median(changed.stream().map(r -> r.jvmCpuMs).toList()))
                .append(" ms\n");
        b.append("No change: statements ")
                .append(rows.getFirst().statements)
                .append(" and ")
                .append(rows.getLast().statements)
                .append(" (before and after)\n");
        b.append("JVM after the run: RSS ")
                .append(rssMb)
                .append(" MB, heap used after GC ")
                .append(heapMb)
                .append(" MB (simulator included)\n\n");
        b.append(
                "Most frequent statements during the change cycles (pg_stat_statements):\n\n| calls | rows | statement |\n|---|---|---|\n");
        top.forEach(t -> b.append(t).append('\n'));
        b.append("\nStatements of the last window with no change:\n\n| calls | rows | statement |\n|---|---|---|\n");
        idle.forEach(t -> b.append(t).append('\n'));
        return b.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    record Row(
            String label,
            int changing,
            long totalMs,
            long fetchMs,
            long parseMs,
            long applyMs,
            long statements,
            long transactions,
            long pgCpuMs,
            long jvmCpuMs,
            int changes) {}
}
