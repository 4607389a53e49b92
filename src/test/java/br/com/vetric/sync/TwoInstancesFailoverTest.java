package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.simulator.TransactionSnapshot;
import br.com.vetric.support.SimulatedAccount;
import br.com.vetric.support.VetricProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One PostgreSQL, two VETRIC processes (JVMs of their own) and four simulated CVE-PRO accounts in this JVM, polled
 * every 2 s under 4 s leases. Each connection is polled by one instance once per interval (the accounts count the
 * requests); a process stopped with SIGSTOP in the middle of a poll, past its lease, writes nothing for the connection
 * the other took over; after a SIGKILL the survivor polls the dead one's connections within seconds; and every
 * session the accounts report is in the database exactly once.
 */
class TwoInstancesFailoverTest {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration LEASE = Duration.ofSeconds(4);
    static final String ADMIN_PASSWORD = "failover-admin-password";

    @TempDir
    Path dir;

    final List<VetricProcess> processes = new ArrayList<>();
    final List<SimulatedAccount> accounts = new ArrayList<>();
    EmbeddedPostgres postgres;
    ScheduledExecutorService clocks;

    @AfterEach
    void stopEverything() throws Exception {
        for (VetricProcess p : processes) {
            if (p.isAlive()) {
                new ProcessBuilder("kill", "-CONT", Long.toString(p.pid()))
                        .start()
                        .waitFor();
            }
            p.close();
        }
        if (clocks != null) {
            clocks.shutdownNow();
        }
        accounts.forEach(SimulatedAccount::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachConnectionIsPolledOncePerIntervalAPausedInstanceWritesNothingAndAKilledOnesConnectionsMove()
            throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setRegisterShutdownHook(false)
                .start();
        sql("create database vetric", "postgres");
        for (int i = 0; i < 4; i++) {
            accounts.add(SimulatedAccount.start("Failover " + i, 2));
        }
        clocks = Executors.newSingleThreadScheduledExecutor();
        clocks.scheduleWithFixedDelay(() -> accounts.forEach(SimulatedAccount::catchUp), 0, 100, TimeUnit.MILLISECONDS);

        VetricProcess a = start("a").awaitUp(Duration.ofSeconds(150));
        VetricProcess b = start("b").awaitUp(Duration.ofSeconds(150));
        long condo = longValue("select id from condominium order by id limit 1");
        Map<Long, SimulatedAccount> byConnection = new LinkedHashMap<>();
        byConnection.put(longValue("select id from cpms_connection where from_environment"), accounts.getFirst());
        String token = login(a);
        for (SimulatedAccount account : accounts.subList(1, 4)) {
            // one condominium per account, as CVE-PRO accounts usually are (the primary one has the environment's)
            HttpResponse<String> created = send(
                    a,
                    "POST",
                    "/api/v1/condominiums",
                    token,
                    "{\"name\": \"Edifício " + accounts.indexOf(account) + "\", \"plan\": \"enterprise\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> r =
                    send(a, "POST", "/api/v1/cpms-connections", token, account.json(idIn(created.body())));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            byConnection.put(idIn(r.body()), account);
        }

        // spread: two connections each
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(held(a)).hasSize(2);
            assertThat(held(b)).hasSize(2);
        });
        for (SimulatedAccount account : accounts) {
            start(account, 1, "FAIL" + accounts.indexOf(account) + "1");
        }

        // each connection polled once per interval: 5 intervals, 5 polls (± 1 at the edges), never twice as many
        Map<Long, Long> before = polls(byConnection);
        long t0 = System.nanoTime();
        watch(INTERVAL.multipliedBy(5));
        double intervals = (System.nanoTime() - t0) / (double) INTERVAL.toNanos();
        Map<Long, Long> window = minus(polls(byConnection), before);
        System.out.printf("polls per connection over %.1f intervals, two instances: %s%n", intervals, window);
        assertThat(window.values()).allSatisfy(n -> assertThat(n).isBetween(4L, 6L));
        assertThat(held(a)).doesNotContainAnyElementsOf(held(b));

        // fencing: B is stopped (SIGSTOP) while CVE-PRO answers one of its polls, past its lease; A takes over
        long fenced = held(b).getFirst();
        SimulatedAccount slow = byConnection.get(fenced);
        long calls = calls(slow);
        slow.simulator.slowNext(1, LEASE.plus(Duration.ofSeconds(4)));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> calls(slow) > calls);
        Instant staleStart = Instant.now();
        signal("STOP", b);
        long stopped = System.nanoTime();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> held(a).contains(fenced) && cyclesStartedAfter(fenced, staleStart.plusSeconds(1)) > 0);
        System.out.printf(
                "A polled connection %d %d ms after B was stopped%n",
                fenced, (System.nanoTime() - stopped) / 1_000_000);
        signal("CONT", b);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> b.output().contains("lost the poll lease of connection " + fenced));
        assertThat(cyclesStartedBetween(fenced, staleStart.minusSeconds(1), staleStart.plusSeconds(1)))
                .as("B's stale poll of connection %d wrote no cycle", fenced)
                .isZero();

        // they share again once B is back
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(held(a)).hasSize(2);
            assertThat(held(b)).hasSize(2);
        });
        for (SimulatedAccount account : accounts) {
            account.simulator.stop(charger(account, 1), "Local");
            account.simulator.unplug(charger(account, 1));
            start(account, 2, "FAIL" + accounts.indexOf(account) + "2");
        }

        // kill -9 A: B polls A's connections within the lease and a tick
        List<Long> orphans = held(a);
        watch(Duration.ofMillis(300));
        Map<Long, Long> atKill = polls(byConnection);
        a.kill9();
        long killed = System.nanoTime();
        Map<Long, Long> failover = new HashMap<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Map<Long, Long> now = polls(byConnection);
                    for (long c : orphans) {
                        if (now.get(c) > atKill.get(c)) {
                            failover.putIfAbsent(c, (System.nanoTime() - killed) / 1_000_000);
                        }
                    }
                    return failover.keySet().containsAll(orphans);
                });
        System.out.printf("failover after kill -9, ms per connection: %s%n", failover);
        assertThat(failover.values()).allSatisfy(ms -> assertThat(ms).isLessThan(30_000L));
        assertThat(held(b)).hasSize(4);

        // B alone: each connection still polled once per interval
        before = polls(byConnection);
        t0 = System.nanoTime();
        watch(INTERVAL.multipliedBy(5));
        window = minus(polls(byConnection), before);
        System.out.printf(
                "polls per connection over %.1f intervals, one instance left: %s%n",
                (System.nanoTime() - t0) / (double) INTERVAL.toNanos(), window);
        assertThat(window.values()).allSatisfy(n -> assertThat(n).isBetween(4L, 6L));

        // every session the accounts report, exactly once
        for (SimulatedAccount account : accounts) {
            account.simulator.stop(charger(account, 2), "Local");
            account.simulator.unplug(charger(account, 2));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (SimulatedAccount account : accounts) {
                for (TransactionSnapshot t : account.simulator.transactions()) {
                    assertThat(longValue("select count(*) from charging_session where charger_uuid = '"
                                    + t.chargeBoxUuid() + "' and external_transaction_id = " + t.id()))
                            .as(
                                    "session of transaction %d on %s (the database has %s)",
                                    t.id(),
                                    t.chargeBoxUuid(),
                                    rows("select charger_uuid, external_transaction_id, status, ended_at"
                                            + " from charging_session order by id"))
                            .isEqualTo(1);
                }
            }
        });
        assertThat(longValue("select count(*) from charging_session")).isEqualTo(8);
        System.out.printf(
                "sessions: 8 transactions in the accounts, 8 in the database (%d closed)%n",
                longValue("select count(*) from charging_session where ended_at is not null"));
    }

    private VetricProcess start(String name) {
        SimulatedAccount environment = accounts.getFirst();
        VetricProcess p = VetricProcess.start(
                Map.of(
                        "VETRIC_DB_URL",
                        url(),
                        "VETRIC_DB_USERNAME",
                        "postgres",
                        "VETRIC_DATA_DIR",
                        dir.resolve(name).toString(),
                        "VETRIC_CPMS_URL",
                        environment.simulator.baseUrl(),
                        "VETRIC_CPMS_API_KEY",
                        environment.apiKey,
                        "VETRIC_CPMS_EMAIL",
                        environment.email,
                        "VETRIC_CPMS_PASSWORD",
                        environment.password,
                        "VETRIC_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "VETRIC_JWT_SECRET",
                        "W+BuaHcraibXC0C/nj8PwBq8gRf6KHLtVLTmjX5ABfcgUCqon5XD5C4RMG7Oi5ai",
                        "VETRIC_SECRETS_KEY",
                        "Dtaq4wzhc8QrbePF0fmMcWWN2KBiZVQ8QU2Whn6us08="),
                List.of(
                        "--vetric.sync.poll-interval=" + INTERVAL.toSeconds() + "s",
                        "--vetric.sync.lease-duration=" + LEASE.toSeconds() + "s",
                        "--vetric.cpms.timeout=60s",
                        "--vetric.reports.catch-up-on-start=false"),
                logs().resolve(name + ".log"));
        processes.add(p);
        return p;
    }

    private void start(SimulatedAccount account, int charger, String tag) {
        String name = charger(account, charger);
        account.simulator.plugIn(name, tag);
        account.simulator.startCharging(name);
    }

    /** The processes' output, kept for a look after a failure. */
    private static Path logs() {
        try {
            Path logs = Path.of("target", "two-instances");
            java.nio.file.Files.createDirectories(logs);
            return logs;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Lets the instances run for {@code d} (a counting window). */
    private static void watch(Duration d) {
        await().pollDelay(d).atMost(d.plusSeconds(5)).until(() -> true);
    }

    private String charger(SimulatedAccount account, int charger) {
        return "Failover " + accounts.indexOf(account) + " " + charger;
    }

    private static void signal(String signal, VetricProcess p) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }

    /** The connections whose unexpired lease this process holds (its instance name carries its pid). */
    private List<Long> held(VetricProcess p) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select connection_id from poll_lease where holder like '%-" + p.pid()
                        + "-%' and expires_at > clock_timestamp() order by connection_id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Map<Long, Long> polls(Map<Long, SimulatedAccount> byConnection) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        byConnection.forEach((id, account) -> counts.put(id, account.simulator.requestCount("/api/v1/chargepoints")));
        return counts;
    }

    private static long calls(SimulatedAccount account) {
        return account.simulator.requestCounts().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static Map<Long, Long> minus(Map<Long, Long> after, Map<Long, Long> before) {
        Map<Long, Long> d = new LinkedHashMap<>();
        after.forEach((id, n) -> d.put(id, n - before.get(id)));
        return d;
    }

    private long cyclesStartedAfter(long connection, Instant after) throws SQLException {
        return cyclesStartedBetween(connection, after, Instant.now().plusSeconds(3600));
    }

    private long cyclesStartedBetween(long connection, Instant from, Instant to) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                var st = c.prepareStatement("select count(*) from sync_cycle where connection_id = ?"
                        + " and started_at between ? and ?")) {
            st.setLong(1, connection);
            st.setTimestamp(2, Timestamp.from(from));
            st.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String url() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/vetric";
    }

    private static long idIn(String json) {
        return Long.parseLong(json.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
    }

    private String rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows.toString();
    }

    private long longValue(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statement, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static String login(VetricProcess p) throws Exception {
        HttpResponse<String> r = send(
                p,
                "POST",
                "/api/v1/auth/login",
                null,
                "{\"email\":\"admin@vetric.local\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> send(VetricProcess p, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(p.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
