package br.com.vetric.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.simulator.ChargerSpec;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.Resident;
import br.com.vetric.simulator.SimulatorConfig;
import br.com.vetric.support.HttpLogin;
import br.com.vetric.support.VetricProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged VETRIC's memory and start time as a process of its own (issue #18, "lighter at rest"): {@code java
 * -jar target/vetric-*.jar} started here, as people run it, with three sets of JVM options measured in one run (same
 * machine, same load, each phase taken for every set before the next phase):
 *
 * <ul>
 *   <li><b>before</b>: the JVM's defaults ({@code -Dbench.before="..."} to change);
 *   <li><b>after</b>: the options the README recommends ({@code vetric.jvm-flags} in the pom, {@code -Dbench.after});
 *   <li><b>after + AOT cache</b>: the same, on the extracted jar with a JDK 25 AOT cache made by a training run (a
 *       demo on a scratch data directory, stopped once it has synced and served pages); {@code -Dbench.configs=before,after}
 *       leaves it out.
 * </ul>
 *
 * <p>Phases: the <b>demo</b> (no {@code VETRIC_CPMS_URL}: embedded PostgreSQL, built-in simulator) started on a fresh
 * data directory (initdb, migrations, demo data), then again on the same directory; each start to the first 200 of
 * {@code /health} and to the first completed sync; after a minute of the living demo and a manager looking at a few
 * pages, the RSS of VETRIC's process alone, its heap after a full GC, and the embedded PostgreSQL apart (the PSS of
 * its processes). Then <b>10,000 chargers</b>: a simulator (in this JVM) with 10,000 chargers and 1,000 residents,
 * VETRIC pointed at it as a real installation (its own secrets and data directory, embedded PostgreSQL); 1,000
 * sessions open, then for a few minutes 10 % of the chargers change every 10 s; the same measures, plus the cycle's
 * duration and VETRIC's CPU per cycle (so options that save memory but slow the sync show it).
 *
 * <p>Not part of {@code verify}. Run (see docs/BENCHMARKS.md): {@code ./mvnw -DskipTests package} then {@code ./mvnw
 * test -Pbenchmark -Dtest=FootprintBenchmark}; the table goes to {@code target/benchmarks/footprint.md}. Settings:
 * {@code -Dbench.minutes=3}, {@code -Dbench.demo-seconds=60}, {@code -Dbench.chargers=10000},
 * {@code -Dbench.open=1000}, {@code -Dbench.only=fleet|demo}, {@code -Dbench.configs=before,after,aot},
 * {@code -Dbench.nmt=true} (adds Native Memory Tracking and reports its summary).
 */
@Tag("benchmark")
class FootprintBenchmark {

    static final int CHARGERS = Integer.getInteger("bench.chargers", 10_000);
    static final int OPEN = Integer.getInteger("bench.open", 1_000);
    static final Duration FLEET_WINDOW = Duration.ofMinutes(Integer.getInteger("bench.minutes", 3));
    static final Duration DEMO_WINDOW = Duration.ofSeconds(Integer.getInteger("bench.demo-seconds", 60));
    static final Duration CHANGE_EVERY = Duration.ofSeconds(10);
    static final Duration START_AT_MOST = Duration.ofMinutes(6);
    static final String ONLY = System.getProperty("bench.only", "all");
    static final List<String> CONFIGS =
            List.of(System.getProperty("bench.configs", "before,after,aot").split(","));
    static final boolean NMT = Boolean.getBoolean("bench.nmt");
    static final String CHARGEPOINTS = "/api/v1/chargepoints";
    static final List<String> MANAGER_PAGES =
            List.of("/", "/sessions", "/consumption", "/chargers", "/residents", "/reports");
    static final JsonMapper json = JsonMapper.builder().build();
    static final SecureRandom random = new SecureRandom();

    @TempDir
    Path tmp;

    @Test
    void memoryAndStartOfThePackagedVetricWithAndWithoutTheRecommendedJvmOptions() throws Exception {
        Path jar = packagedJar();
        List<String> recommended = options("bench.after", System.getProperty("vetric.jvm-flags", ""));
        List<Config> configs = new ArrayList<>();
        if (CONFIGS.contains("before")) {
            configs.add(new Config("before", options("bench.before", ""), List.of("-jar", jar.toString())));
        }
        if (CONFIGS.contains("after")) {
            configs.add(new Config("after", recommended, List.of("-jar", jar.toString())));
        }
        String training = "";
        if (CONFIGS.contains("aot")) {
            Aot aot = aotCache(jar, recommended);
            training = aot.training();
            configs.add(aot.config());
        }
        Map<String, Start> firstStarts = new LinkedHashMap<>();
        Map<String, Start> secondStarts = new LinkedHashMap<>();
        Map<String, Rest> demos = new LinkedHashMap<>();
        Map<String, Fleet> fleets = new LinkedHashMap<>();
        if (!ONLY.equals("fleet")) {
            for (Config c : configs) {
                firstStarts.put(c.name(), demoStart(c, "first.log", null));
            }
            for (Config c : configs) {
                Rest[] rest = new Rest[1];
                secondStarts.put(c.name(), demoStart(c, "second.log", rest));
                demos.put(c.name(), rest[0]);
            }
        }
        if (!ONLY.equals("demo")) {
            for (Config c : configs) {
                fleets.put(c.name(), fleet(c));
            }
        }
        String report = report(configs, training, firstStarts, secondStarts, demos, fleets);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "footprint.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(fleets.values()).allSatisfy(f -> assertThat(f.cycles()).isPositive());
    }

    // ------------------------------------------------------------------ the JVM options under test

    record Config(String name, List<String> jvmOptions, List<String> launch) {
        List<String> java() {
            List<String> all = new ArrayList<>(jvmOptions);
            all.addAll(launch);
            return all;
        }

        String shown() {
            return jvmOptions.isEmpty() ? "(none: the JVM's defaults)" : "`" + String.join(" ", jvmOptions) + "`";
        }
    }

    record Aot(Config config, String training) {}

    /**
     * The jar extracted as Spring Boot advises for an AOT cache, a training run on it (the demo on a scratch data
     * directory: up, synced, a manager's pages, stopped; the JVM writes the cache as it exits), and the configuration
     * that runs with the cache ({@code -XX:AOTMode=on}: the run fails rather than silently going without it).
     */
    private Aot aotCache(Path jar, List<String> recommended) throws Exception {
        Path app = tmp.resolve("app");
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString()));
        Path extracted = app.resolve(jar.getFileName());
        Path cache = app.resolve("vetric.aot");
        List<String> trainingOptions = new ArrayList<>(recommended);
        trainingOptions.removeIf(o -> o.startsWith("-XX:NativeMemoryTracking"));
        trainingOptions.add("-XX:AOTCacheOutput=" + cache);
        Path data = Files.createDirectories(tmp.resolve("aot-training"));
        List<String> java = new ArrayList<>(trainingOptions);
        java.addAll(List.of("-jar", extracted.toString()));
        long started = System.nanoTime();
        try (VetricProcess vetric = VetricProcess.start(
                java, Map.of("VETRIC_DATA_DIR", data.toString()), List.of(), data.resolve("training.log"))) {
            awaitHealth(vetric, START_AT_MOST);
            awaitFirstSync(vetric, START_AT_MOST);
            visitManagerPages(vetric);
            assertThat(vetric.stop(Duration.ofMinutes(10))).as(vetric.output()).isIn(0, 143);
            assertThat(cache).as(vetric.output()).exists();
        }
        String training = String.format(
                Locale.ROOT,
                "training run (start, first sync, pages, stop and cache written): %.0f s, load average %s; cache %d MB",
                (System.nanoTime() - started) / 1e9,
                loadAverage(),
                Files.size(cache) >> 20);
        List<String> options = new ArrayList<>(recommended);
        options.addAll(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"));
        return new Aot(new Config("after + AOT cache", options, List.of("-jar", extracted.toString())), training);
    }

    // ------------------------------------------------------------------ the demo

    /**
     * Seconds from the process start to the first 200 of /health and to the first completed sync; the CPU seconds
     * VETRIC's process had used by its first 200 (its own threads, and its finished children such as initdb): on a
     * loaded machine the wall times stretch, the CPU hardly does.
     */
    record Start(double healthS, double syncS, double cpuS, double childrenCpuS, String started, String load) {}

    /** A process at rest: VETRIC's memory, its heap after a full GC, the embedded PostgreSQL's. */
    record Rest(
            long rssMb,
            long rssAnonMb,
            long rssFileMb,
            long peakRssMb,
            long heapUsedMb,
            long heapCommittedMb,
            long postgresPssMb,
            String load,
            String histogram,
            String nmt) {}

    /**
     * The demo started on its data directory (fresh the first time); with {@code rest} it then lives a minute while a
     * manager looks at a few pages, and its memory is measured.
     */
    private Start demoStart(Config config, String log, Rest[] rest) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("demo-" + config.name().replaceAll("\\W+", "-")));
        try (VetricProcess vetric = VetricProcess.start(
                config.java(), Map.of("VETRIC_DATA_DIR", data.toString()), List.of(), data.resolve(log))) {
            try {
                double health = awaitHealth(vetric, START_AT_MOST);
                long[] startCpu = cpuMsWithChildren(vetric.pid());
                double sync = awaitFirstSync(vetric, START_AT_MOST);
                Start start = new Start(
                        health, sync, startCpu[0] / 1e3, startCpu[1] / 1e3, startedLine(vetric), loadAverage());
                if (rest != null) {
                    long up = System.nanoTime();
                    visitManagerPages(vetric);
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, up + DEMO_WINDOW.toNanos() - System.nanoTime()));
                    rest[0] = rest(vetric.pid(), data);
                }
                assertThat(vetric.stop()).isIn(0, 143);
                return start;
            } catch (Throwable t) {
                System.err.println(vetric.output());
                throw t;
            }
        }
    }

    private static void visitManagerPages(VetricProcess vetric) throws Exception {
        HttpClient manager = HttpLogin.loggedIn(vetric.baseUrl(), "sindico@vetric.local", "sindico-demo");
        for (String page : MANAGER_PAGES) {
            HttpResponse<Void> r = manager.send(
                    HttpRequest.newBuilder(URI.create(vetric.baseUrl() + page)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).as(page).isEqualTo(200);
        }
    }

    private static Rest rest(long pid, Path data) {
        long rss = status(pid, "VmRSS");
        long anon = status(pid, "RssAnon");
        long file = status(pid, "RssFile") + status(pid, "RssShmem");
        long peak = status(pid, "VmHWM");
        long postgres = postgresPssMb(data);
        String load = loadAverage();
        String nmt = NMT ? jcmd(pid, "VM.native_memory", "summary") : "";
        String histogram = top(jcmd(pid, "GC.class_histogram"), 23);
        long[] heap = heapAfterGc(pid);
        return new Rest(rss, anon, file, peak, heap[0], heap[1], postgres, load, histogram, nmt);
    }

    // ------------------------------------------------------------------ 10,000 chargers

    record Fleet(
            Start start,
            Rest rest,
            long maxRssMb,
            long cycles,
            long cpuMsPerCycle,
            long medianCycleMs,
            long maxCycleMs,
            String windowLoad) {}

    private Fleet fleet(Config config) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("fleet-" + config.name().replaceAll("\\W+", "-")));
        String adminPassword = secret(24);
        try (CveProSimulator sim = simulator()) {
            VetricProcess vetric = VetricProcess.start(
                    config.java(),
                    Map.of(
                            "VETRIC_DATA_DIR", data.toString(),
                            "VETRIC_CPMS_URL", sim.baseUrl(),
                            "VETRIC_CPMS_API_KEY", sim.config().apiKey(),
                            "VETRIC_CPMS_EMAIL", sim.config().email(),
                            "VETRIC_CPMS_PASSWORD", sim.config().password(),
                            "VETRIC_ADMIN_PASSWORD", adminPassword,
                            "VETRIC_JWT_SECRET", secret(48),
                            "VETRIC_SECRETS_KEY", secret(32)),
                    List.of(),
                    data.resolve("vetric.log"));
            try (vetric) {
                double health = awaitHealth(vetric, START_AT_MOST);
                long[] startCpu = cpuMsWithChildren(vetric.pid());
                double firstSync = awaitFirstSync(vetric, START_AT_MOST); // 10,000 chargers imported
                Start start = new Start(
                        health, firstSync, startCpu[0] / 1e3, startCpu[1] / 1e3, startedLine(vetric), loadAverage());
                String token = apiLogin(vetric, "admin@vetric.local", adminPassword);
                for (Resident r : sim.config().condominium().residents()) {
                    HttpResponse<String> created = send(
                            vetric,
                            "POST",
                            "/api/v1/residents",
                            token,
                            json.writeValueAsString(
                                    Map.of("name", r.name(), "apartment", r.apartment(), "tags", r.tags())));
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                }
                for (int i = 1; i <= OPEN; i++) {
                    sim.plugIn(charger(i), tag(i));
                    sim.startCharging(charger(i));
                }
                catchUp(sim);
                awaitSuccessfulCycleAfter(vetric, Instant.now(), Duration.ofMinutes(3)); // 1,000 sessions open

                long cpu0 = cpuMs(vetric.pid());
                long polls0 = sim.requestCount(CHARGEPOINTS);
                long maxRss = 0;
                Map<String, Long> cycleMs = new TreeMap<>(); // by the cycle's time: each cycle once
                long end = System.nanoTime() + FLEET_WINDOW.toNanos();
                long nextChange = System.nanoTime();
                int round = 0;
                while (System.nanoTime() < end) {
                    if (System.nanoTime() >= nextChange) {
                        change(sim, round++);
                        nextChange += CHANGE_EVERY.toNanos();
                    }
                    maxRss = Math.max(maxRss, status(vetric.pid(), "VmRSS"));
                    JsonNode poller = health(vetric).path("poller");
                    if (poller.hasNonNull("lastCycleAt")) {
                        cycleMs.put(
                                poller.path("lastCycleAt").asString(),
                                poller.path("lastCycleDurationMs").asLong());
                    }
                    TimeUnit.SECONDS.sleep(1);
                }
                long cycles = sim.requestCount(CHARGEPOINTS) - polls0;
                long cpu = cpuMs(vetric.pid()) - cpu0;
                String windowLoad = loadAverage();
                Rest rest = rest(vetric.pid(), data);
                assertThat(vetric.stop()).isIn(0, 143);
                List<Long> durations = cycleMs.values().stream().sorted().toList();
                return new Fleet(
                        start,
                        rest,
                        Math.max(maxRss, rest.rssMb()),
                        cycles,
                        cycles == 0 ? -1 : cpu / cycles,
                        durations.isEmpty() ? -1 : durations.get(durations.size() / 2),
                        durations.isEmpty() ? -1 : durations.getLast(),
                        windowLoad);
            } catch (Throwable t) {
                System.err.println(vetric.output());
                throw t;
            }
        }
    }

    private static CveProSimulator simulator() {
        List<ChargerSpec> chargers = new ArrayList<>();
        for (int i = 1; i <= CHARGERS; i++) {
            chargers.add(ChargerSpec.simple(
                    10_000 + i, charger(i), "00000000-0000-4000-8000-%012d".formatted(i), "Vaga %05d".formatted(i)));
        }
        List<Resident> residents = new ArrayList<>();
        for (int i = 1; i <= OPEN; i++) {
            residents.add(new Resident("Morador " + i, "Apto " + i, null, List.of(tag(i))));
        }
        DemoCondominium fleet = new DemoCondominium("Footprint", null, chargers, residents, List.of());
        return CveProSimulator.start(
                SimulatorConfig.quiet(Instant.now()).withCondominium(fleet).withPort(0));
    }

    private static String charger(int i) {
        return "BENCH_%05d".formatted(i);
    }

    private static String tag(int i) {
        return "%08X".formatted(0xB0000000L + i);
    }

    /** 10 % of the chargers: half of the open sessions go idle or resume, as many free chargers fault or recover. */
    private static void change(CveProSimulator sim, int round) {
        int changing = CHARGERS / 10;
        for (int i = 1; i <= changing / 2; i++) {
            String session = charger(1 + ((round * 37 + i) % OPEN));
            String free = charger(OPEN + 1 + i);
            if (round % 2 == 0) {
                sim.suspend(session);
                sim.fault(free, "GroundFailure");
            } else {
                sim.resume(session);
                sim.clearFault(free);
            }
        }
        catchUp(sim);
    }

    /** The quiet simulator's clock follows the real one (heartbeats stay fresh, energy accumulates). */
    private static void catchUp(CveProSimulator sim) {
        Duration behind = Duration.between(sim.now(), Instant.now());
        if (behind.isPositive()) {
            sim.advance(behind);
        }
    }

    // ------------------------------------------------------------------ measuring a process

    /** Seconds from the process start to the first 200 of {@code /health}. */
    private static double awaitHealth(VetricProcess vetric, Duration atMost) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = vetric.startedNanos() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!vetric.isAlive()) {
                throw new AssertionError("VETRIC exited:\n" + vetric.output());
            }
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create(vetric.baseUrl() + "/health"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return (System.nanoTime() - vetric.startedNanos()) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("VETRIC not up within " + atMost + ":\n" + vetric.output());
    }

    /** Seconds from the process start to the first completed sync cycle ({@code /health}: CVE-PRO's last success). */
    private static double awaitFirstSync(VetricProcess vetric, Duration atMost) throws Exception {
        long deadline = vetric.startedNanos() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (health(vetric).path("cvePro").hasNonNull("lastSuccessAt")) {
                return (System.nanoTime() - vetric.startedNanos()) / 1e9;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no completed sync within " + atMost + ":\n" + vetric.output());
    }

    private static void awaitSuccessfulCycleAfter(VetricProcess vetric, Instant after, Duration atMost)
            throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            String last = health(vetric).path("cvePro").path("lastSuccessAt").asString(null);
            if (last != null && Instant.parse(last).isAfter(after)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("no successful sync cycle after " + after + ":\n" + vetric.output());
    }

    private static String startedLine(VetricProcess vetric) {
        Matcher m = Pattern.compile(
                        "Started VetricApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)")
                .matcher(vetric.output());
        return m.find() ? m.group(1) + " s (process " + m.group(2) + " s)" : "?";
    }

    private static JsonNode health(VetricProcess vetric) throws Exception {
        return json.readTree(send(vetric, "GET", "/health", null, null).body());
    }

    /** A line of {@code /proc/<pid>/status} in MB (VmRSS, RssAnon, RssFile, VmHWM). */
    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** User + system CPU of a process, in ms. */
    private static long cpuMs(long pid) {
        return cpuMsWithChildren(pid)[0];
    }

    /** User + system CPU of a process and of its children that have ended and been waited for, in ms. */
    private static long[] cpuMsWithChildren(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] { // USER_HZ 100
                (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10,
                (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Proportional set size of the embedded PostgreSQL (postmaster and its children; shared memory split). */
    private static long postgresPssMb(Path data) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
            long kb = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        long ppid = Long.parseLong(
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                        long pid = Long.parseLong(p.getFileName().toString());
                        if (pid == postmaster || ppid == postmaster) {
                            for (String line : Files.readAllLines(p.resolve("smaps_rollup"))) {
                                if (line.startsWith("Pss:")) {
                                    kb += Long.parseLong(line.replaceAll("\\D", ""));
                                }
                            }
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return kb / 1024;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Heap used and committed after a full GC, in MB. */
    private static long[] heapAfterGc(long pid) {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long used = 0;
        long committed = 0;
        // G1 prints one total ("total reserved R, committed C, used U"); Serial one per generation ("total C, used U")
        Matcher m = Pattern.compile("total (?:reserved \\d+K, committed )?(\\d+)K, used (\\d+)K")
                .matcher(info);
        while (m.find()) {
            committed += Long.parseLong(m.group(1));
            used += Long.parseLong(m.group(2));
        }
        return new long[] {used / 1024, committed / 1024};
    }

    private static String jcmd(long pid, String... command) {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        cmd.addAll(Arrays.asList(command));
        return run(cmd);
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String top(String text, int lines) {
        return text.lines().skip(1).limit(lines).reduce("", (a, b) -> a + b + "\n");
    }

    // ------------------------------------------------------------------ HTTP

    private static String apiLogin(VetricProcess vetric, String email, String password) throws Exception {
        HttpResponse<String> r = send(
                vetric,
                "POST",
                "/api/v1/auth/login",
                null,
                json.writeValueAsString(Map.of("email", email, "password", password)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("token").asString();
    }

    private static HttpResponse<String> send(
            VetricProcess vetric, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(vetric.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ set-up and report

    /** The packaged jar ({@code ./mvnw -DskipTests package}), as README's deployment runs it. */
    private static Path packagedJar() throws IOException {
        try (Stream<Path> target = Files.list(Path.of("target"))) {
            Path jar = target.filter(p -> p.getFileName().toString().matches("vetric-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "no target/vetric-*.jar: run ./mvnw -DskipTests package first (docs/BENCHMARKS.md)"));
            return jar.toAbsolutePath();
        }
    }

    private static List<String> options(String property, String fallback) {
        List<String> options = new ArrayList<>(
                Arrays.stream(System.getProperty(property, fallback).trim().split("\\s+"))
                        .filter(s -> !s.isBlank())
                        .toList());
        if (NMT) {
            options.add("-XX:NativeMemoryTracking=summary");
        }
        return options;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String secret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String report(
            List<Config> configs,
            String training,
            Map<String, Start> firstStarts,
            Map<String, Start> secondStarts,
            Map<String, Rest> demos,
            Map<String, Fleet> fleets) {
        StringBuilder b = new StringBuilder();
        b.append("Footprint of the packaged VETRIC's own process (Java ")
                .append(Runtime.version())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs; each phase run for every option set before the next phase)\n\n");
        for (Config c : configs) {
            b.append("- ").append(c.name()).append(": ").append(c.shown()).append('\n');
        }
        if (!training.isEmpty()) {
            b.append("- AOT cache ").append(training).append('\n');
        }
        b.append("\n| measure | ")
                .append(String.join(" | ", configs.stream().map(Config::name).toList()))
                .append(" |\n|---|");
        configs.forEach(c -> b.append("---|"));
        b.append('\n');
        if (!firstStarts.isEmpty()) {
            startRows(b, configs, firstStarts, "demo, first start (fresh data dir)");
            startRows(b, configs, secondStarts, "demo, second start");
            restRows(b, configs, demos, "demo after " + DEMO_WINDOW.toSeconds() + " s");
        }
        if (!fleets.isEmpty()) {
            String at = String.format(Locale.ROOT, "%,d chargers", CHARGERS);
            startRows(b, configs, map(fleets, Fleet::start), at + ", start (import)");
            restRows(
                    b,
                    configs,
                    map(fleets, Fleet::rest),
                    at + ", end of the " + FLEET_WINDOW.toMinutes() + " min window");
            row(b, configs, fleets, at + ": RSS, most seen in the window (MB)", Fleet::maxRssMb);
            row(b, configs, fleets, at + ": cycle duration, median (ms)", Fleet::medianCycleMs);
            row(b, configs, fleets, at + ": cycle duration, max (ms)", Fleet::maxCycleMs);
            row(b, configs, fleets, at + ": VETRIC CPU per 10 s cycle (ms)", Fleet::cpuMsPerCycle);
            row(b, configs, fleets, at + ": cycles in the window", Fleet::cycles);
            row(b, configs, fleets, at + ": load average during the window", Fleet::windowLoad);
        }
        demos.forEach((name, d) -> section(b, "Class histogram of the demo, " + name, d.histogram()));
        fleets.forEach((name, f) -> section(
                b,
                "Class histogram at " + CHARGERS + " chargers, " + name,
                f.rest().histogram()));
        demos.forEach((name, d) -> section(b, "Native memory of the demo, " + name, d.nmt()));
        fleets.forEach((name, f) -> section(
                b,
                "Native memory at " + CHARGERS + " chargers, " + name,
                f.rest().nmt()));
        return b.toString();
    }

    private static <T, R> Map<String, R> map(Map<String, T> results, Function<T, R> f) {
        Map<String, R> mapped = new LinkedHashMap<>();
        results.forEach((k, v) -> mapped.put(k, f.apply(v)));
        return mapped;
    }

    private static void startRows(StringBuilder b, List<Config> configs, Map<String, Start> starts, String what) {
        row(b, configs, starts, what + ": to /health 200 (s)", s -> String.format(Locale.ROOT, "%.1f", s.healthS()));
        row(
                b,
                configs,
                starts,
                what + ": to first completed sync (s)",
                s -> String.format(Locale.ROOT, "%.1f", s.syncS()));
        row(
                b,
                configs,
                starts,
                what + ": CPU used by VETRIC to /health, own + children's (s)",
                s -> String.format(Locale.ROOT, "%.1f + %.1f", s.cpuS(), s.childrenCpuS()));
        row(b, configs, starts, what + ": Spring's \"Started\" line", Start::started);
        row(b, configs, starts, what + ": load average then", Start::load);
    }

    private static void restRows(StringBuilder b, List<Config> configs, Map<String, Rest> rests, String what) {
        row(b, configs, rests, what + ": **VETRIC RSS** (MB)", r -> "**" + r.rssMb() + "**");
        row(
                b,
                configs,
                rests,
                what + ": of which anonymous / file-backed (MB)",
                r -> r.rssAnonMb() + " / " + r.rssFileMb());
        row(b, configs, rests, what + ": VETRIC peak RSS since start (MB)", Rest::peakRssMb);
        row(b, configs, rests, what + ": heap used after a full GC (MB)", Rest::heapUsedMb);
        row(b, configs, rests, what + ": heap committed after it (MB)", Rest::heapCommittedMb);
        row(b, configs, rests, what + ": embedded PostgreSQL, PSS of its processes (MB)", Rest::postgresPssMb);
        row(b, configs, rests, what + ": load average then", Rest::load);
    }

    private static <T> void row(
            StringBuilder b, List<Config> configs, Map<String, T> results, String label, Function<T, Object> value) {
        b.append("| ").append(label).append(" |");
        for (Config c : configs) {
            T r = results.get(c.name());
            b.append(' ').append(r == null ? "–" : value.apply(r)).append(" |");
        }
        b.append('\n');
    }

    private static void section(StringBuilder b, String title, String text) {
        if (!text.isBlank()) {
            b.append("\n")
                    .append(title)
                    .append(":\n\n```\n")
                    .append(text.strip())
                    .append("\n```\n");
        }
    }
}
