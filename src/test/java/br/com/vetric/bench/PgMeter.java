package br.com.vetric.bench;

import br.com.vetric.simulator.CveProSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What PostgreSQL sees, for benchmarks: a dedicated PostgreSQL with {@code pg_stat_statements} (production settings:
 * fsync and synchronous commit on), and meters for the statements clients sent it (top level; BEGIN/COMMIT are
 * counted as transactions, not statements) and the transactions it executed, the CPU its
 * processes used, and the CPU and memory of this JVM without the simulator's threads. The meters' own queries carry
 * the comment {@code bench-probe} and are left out of the counts.
 */
final class PgMeter implements AutoCloseable {

    static final String DB = "vetric";
    /** The role VETRIC runs as: no superuser, no BYPASSRLS, owns nothing (the migrations run as postgres). */
    static final String APP_ROLE = "vetric_bench_app";

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final EmbeddedPostgres server;
    private final Path dataDir;
    /** One connection for every reading (a new connection per reading would show up as statements). */
    private final Connection probe;

    private PgMeter(EmbeddedPostgres server, Path dataDir) throws SQLException {
        this.server = server;
        this.dataDir = dataDir;
        this.probe = server.getDatabase("postgres", DB).getConnection();
        this.probe.setAutoCommit(true);
    }

    static PgMeter start() {
        try {
            Path dir = Files.createTempDirectory("vetric-bench-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "top")
                    .setServerConfig("pg_stat_statements.max", "10000")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("create database " + DB);
                st.execute("create role " + APP_ROLE + " login nosuperuser nobypassrls");
            }
            PgMeter meter = new PgMeter(pg, dir);
            meter.execute("create extension if not exists pg_stat_statements");
            return meter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String jdbcUrl() {
        return server.getJdbcUrl("postgres", DB);
    }

    /**
     * VETRIC on this PostgreSQL as in production (the application's role owns nothing and is held to the row-level
     * security; the migrations run as postgres), its environment's CVE-PRO account being {@code sim}'s own.
     */
    void vetric(DynamicPropertyRegistry r, CveProSimulator sim, String cpmsTimeout) {
        r.add("vetric.cpms.url", sim::baseUrl);
        r.add("vetric.cpms.api-key", () -> sim.config().apiKey());
        r.add("vetric.cpms.email", () -> sim.config().email());
        r.add("vetric.cpms.password", () -> sim.config().password());
        r.add("vetric.cpms.timeout", () -> cpmsTimeout);
        r.add("vetric.db.url", this::jdbcUrl);
        r.add("vetric.db.username", () -> APP_ROLE);
        r.add("vetric.db.migration-username", () -> "postgres");
        r.add("vetric.db.embedded-ephemeral", () -> "false");
        r.add("logging.level.br.com.vetric", () -> "warn");
    }

    /** Counters at one moment. */
    record Reading(long calls, long transactions, long pgCpuMs, long jvmCpuMs, long nanos) {

        Reading minus(Reading before) {
            return new Reading(
                    calls - before.calls,
                    transactions - before.transactions,
                    pgCpuMs - before.pgCpuMs,
                    jvmCpuMs - before.jvmCpuMs,
                    nanos - before.nanos);
        }
    }

    /** Statement calls and committed/rolled back transactions of the VETRIC database, without the probe's own. */
    Reading read() {
        try {
            probe.setAutoCommit(false); // one transaction per reading, subtracted below
            long calls = single("""
                    select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname = '%s' and s.query not like '%%bench-probe%%' and s.query not like '%%pg_stat_statements%%'
                       and upper(s.query) not in ('BEGIN', 'COMMIT', 'ROLLBACK')
                    """.formatted(DB) + " /* bench-probe */");
            long tx = single("select xact_commit + xact_rollback from pg_stat_database where datname = '" + DB
                    + "' /* bench-probe */");
            probe.commit();
            probe.setAutoCommit(true);
            return new Reading(calls, tx - ++readings, pgCpuMs(), jvmCpuMsWithoutSimulator(), System.nanoTime());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long readings;

    /** The statements executed since the last reset, most frequent first. */
    List<String> top(int n) {
        List<String> result = new ArrayList<>();
        try (Statement st = probe.createStatement();
                ResultSet rs = st.executeQuery("""
                     select calls, rows, regexp_replace(left(query, 140), '\\s+', ' ', 'g')
                       from pg_stat_statements s join pg_database d on d.oid = s.dbid
                      where d.datname = '%s' and s.query not like '%%bench-probe%%'
                        and s.query not like '%%pg_stat_statements%%' and upper(s.query) not in ('BEGIN', 'COMMIT', 'ROLLBACK')
                      order by calls desc limit %d /* bench-probe */
                     """.formatted(DB, n))) {
            while (rs.next()) {
                result.add(String.format(
                        "| %d | %d | `%s` |",
                        rs.getLong(1), rs.getLong(2), rs.getString(3).replace("|", "\\|")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    void reset() {
        execute("select pg_stat_statements_reset() /* bench-probe */");
    }

    long single(String sql) {
        try (Statement st = probe.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Statement st = probe.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** User + system CPU of the postmaster and its live children (backends, checkpointer, WAL writer…). */
    long pgCpuMs() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"))
                    .getFirst()
                    .strip());
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    long[] stat = stat(p);
                    if (stat != null && (stat[0] == postmaster || stat[1] == postmaster)) {
                        ticks += stat[2] + stat[3];
                    }
                }
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pid, ppid, utime, stime of a /proc entry, or null when the process is gone. */
    private static long[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(proc.getFileName().toString()),
                Long.parseLong(f[1]),
                Long.parseLong(f[11]),
                Long.parseLong(f[12])
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU of this JVM (all threads, GC included) minus the simulator's HTTP threads. */
    static long jvmCpuMsWithoutSimulator() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long simulator = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("cvepro-sim")) {
                long cpu = threads.getThreadCpuTime(t.getThreadId());
                simulator += Math.max(0, cpu);
            }
        }
        return (process - simulator) / 1_000_000;
    }

    /** Resident set size of this JVM, in MB. */
    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        try {
            probe.close();
        } catch (SQLException e) {
            // closing anyway
        }
        server.close();
    }
}
