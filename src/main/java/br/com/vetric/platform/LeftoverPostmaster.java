package br.com.vetric.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL outlives a VETRIC process killed with SIGKILL (the postmaster is a separate process),
 * and then holds its data directory so that the next start fails. Before starting, VETRIC reads
 * {@code postmaster.pid}, makes sure the process it names is a PostgreSQL serving that very directory, and stops
 * it (fast shutdown). A process that is not that directory's PostgreSQL (the file is stale and its pid was reused)
 * is never signalled: the stale file is removed and the start goes on.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private LeftoverPostmaster() {}

    /** Stops the PostgreSQL left running on {@code dataDirectory}, if any; waits at most {@code patience}. */
    static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException e) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return; // not a pid file PostgreSQL wrote completely; it replaces it itself
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // the process is gone: PostgreSQL replaces a stale pid file itself
        }
        if (!servesDirectory(process.get(), dataDirectory)) {
            log.warn(
                    "{} names process {}, which is not the PostgreSQL of that directory (a stale file whose pid was "
                            + "reused); removing the file, the process is left alone",
                    pidFile,
                    pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn(
                "The embedded PostgreSQL (pid {}) of {} is still running, left behind by a VETRIC process that did "
                        + "not stop cleanly; stopping it before starting again",
                pid,
                dataDirectory);
        signal(process.get(), "INT"); // fast shutdown: rolls back open transactions, writes a checkpoint
        if (!exited(process.get(), patience)) {
            log.warn(
                    "The leftover PostgreSQL (pid {}) did not stop within {}; asking for an immediate shutdown",
                    pid,
                    patience);
            signal(process.get(), "QUIT"); // immediate shutdown: the next start replays the WAL
            if (!exited(process.get(), Duration.ofSeconds(15))) {
                throw new StartRefusedException(
                        "The embedded PostgreSQL left running by a previous VETRIC (pid " + pid + ") on "
                                + dataDirectory + " does not stop.",
                        "Stop it (kill -INT " + pid + "; if it does not exit, kill -QUIT " + pid
                                + "), then start VETRIC again.");
            }
        }
        log.info("Stopped the leftover embedded PostgreSQL (pid {})", pid);
    }

    /** True only for a PostgreSQL whose data directory is {@code dataDirectory}. */
    static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        String command = info.command().orElse("");
        if (!(command.endsWith("/postgres") || command.endsWith("\\postgres.exe"))) {
            return false;
        }
        Path given = dataDirectory.toAbsolutePath().normalize();
        Path real;
        try {
            real = given.toRealPath();
        } catch (IOException e) {
            return false;
        }
        try {
            // Linux: a postmaster's working directory is its data directory
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
                    .equals(real);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc (or not ours to read): its -D argument
            String[] args = info.arguments().orElse(new String[0]);
            for (int i = 0; i + 1 < args.length; i++) {
                if ("-D".equals(args[i])) {
                    Path d = Path.of(args[i + 1]).toAbsolutePath().normalize();
                    return d.equals(given) || d.equals(real);
                }
            }
            return false;
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
