package br.com.vetric.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.AuthenticatedUser;
import br.com.vetric.identity.Users;
import br.com.vetric.simulator.ChargerSpec;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.SimulatorConfig;
import br.com.vetric.sync.SyncCycle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Web benchmark (issue #3): board page server time with 50 chargers, and 500 open SSE connections still getting a
 * status change within 1 s. Not part of the normal build; run with
 * {@code ./mvnw -o test -Dtest=BoardBenchmark -Dvetric.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures in target/surefire-reports/br.com.vetric.dashboard.BoardBenchmark-output.txt.
 */
@EnabledIfSystemProperty(named = "vetric.bench", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vetric.demo.live=false",
            "spring.main.allow-bean-definition-overriding=true",
            "logging.level.br.com.vetric=warn",
            // the 500 browsers share one login: lift the per-user limit (5 by default) to what the benchmark opens
            "vetric.dashboard.sse-max-per-user=1000"
        })
@ActiveProfiles("test")
@AutoConfigureMockMvc
class BoardBenchmark {

    static final int CHARGERS = 50;
    static final int CONNECTIONS = Integer.getInteger("vetric.bench.connections", 500);

    @TestConfiguration
    static class FiftyChargers {
        @Bean(destroyMethod = "close")
        CveProSimulator cveProSimulator(Clock clock) {
            DemoCondominium demo = DemoCondominium.load();
            List<ChargerSpec> specs = IntStream.rangeClosed(1, CHARGERS)
                    .mapToObj(i -> ChargerSpec.simple(
                            9000 + i,
                            "BENCH_%02d".formatted(i),
                            "00000000-0000-4000-8000-%012d".formatted(i),
                            "Garagem " + i))
                    .toList();
            DemoCondominium fifty =
                    new DemoCondominium(demo.name(), demo.address(), specs, demo.residents(), demo.unknownTags());
            return CveProSimulator.start(SimulatorConfig.quiet(clock.instant()).withCondominium(fifty));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    @Autowired
    CveProSimulator simulator;

    @Test
    void boardPageAndFiveHundredStreams() throws Exception {
        // half the chargers busy with a session so the cards carry residents and energy
        for (int i = 1; i <= CHARGERS / 2; i++) {
            simulator.plugIn("Garagem " + i, "BENCHTAG" + i);
            simulator.startCharging("Garagem " + i);
        }
        cycle.run(condominiums.primary().id());

        AuthenticatedUser admin = users.authenticate("admin@vetric.test", "admin-test-password");
        var auth =
                authentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        for (int i = 0; i < 50; i++) {
            mvc.perform(get("/").with(auth)).andExpect(status().isOk());
        }
        long[] times = new long[300];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            mvc.perform(get("/").with(auth)).andExpect(status().isOk());
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf(
                "BENCH board page (%d chargers, %d requests): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                CHARGERS,
                times.length,
                times[times.length / 2] / 1e6,
                times[(int) (times.length * 0.95)] / 1e6,
                times[times.length - 1] / 1e6);

        // 500 browsers: one logged-in session, 500 SSE connections
        CookieManager cookies = new CookieManager();
        ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .executor(vt)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String base = "http://localhost:" + port;
        String loginPage = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(m.find()).isTrue();
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "email=admin%40vetric.test&password=admin-test-password&_csrf=" + m.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        String faultedUuid = simulator.charger("Garagem " + CHARGERS).uuid();
        AtomicInteger open = new AtomicInteger();
        AtomicLong faultAt = new AtomicLong();
        CountDownLatch delivered = new CountDownLatch(CONNECTIONS);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<java.io.InputStream> streams = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < CONNECTIONS; i++) {
            vt.execute(() -> {
                try {
                    HttpResponse<java.io.InputStream> res = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/board/stream"))
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    streams.add(res.body());
                    BufferedReader r = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8));
                    open.incrementAndGet();
                    String line;
                    boolean seen = false;
                    while (!seen && (line = r.readLine()) != null) {
                        if (faultAt.get() > 0 && line.contains("GroundFailure")) {
                            latencies.add(System.nanoTime() - faultAt.get());
                            delivered.countDown();
                            seen = true;
                        }
                    }
                } catch (Exception e) {
                    System.out.println("BENCH stream failed: " + e);
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (open.get() < CONNECTIONS && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("BENCH SSE connections open: %d of %d%n", open.get(), CONNECTIONS);
        // warm-up push: the first push after start sends the whole board; later ones only what changed
        simulator.fault("Garagem " + (CHARGERS - 1), "EVCommunicationError");
        cycle.run(condominiums.primary().id());
        Thread.sleep(8000);
        simulator.fault("Garagem " + CHARGERS, "GroundFailure");
        long c0 = System.nanoTime();
        faultAt.set(c0);
        cycle.run(condominiums.primary().id());
        long cycleMs = (System.nanoTime() - c0) / 1_000_000;
        boolean all = delivered.await(10, TimeUnit.SECONDS);
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(
                "BENCH sync cycle (%d chargers) took %d ms; delivered to %d of %d streams; "
                        + "latency from cycle start: median %.0f ms, p95 %.0f ms, max %.0f ms%n",
                CHARGERS,
                cycleMs,
                sorted.size(),
                CONNECTIONS,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6,
                sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.95)) / 1e6,
                sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
        for (java.io.InputStream s : streams) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing
            }
        }
        vt.shutdownNow();
        assertThat(all).as("every stream got the change").isTrue();
    }
}
