package br.com.vetric.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * VETRIC in a JVM of its own (the test's classpath, {@code java -cp ... VetricApplication}, or the packaged jar), for
 * what only a real process shows: a SIGKILL, what is left running after it, what the process logs, its memory.
 */
public final class VetricProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;

    private VetricProcess(Process process, int port, Path log, long startedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts VETRIC with {@code env} (added to this JVM's) and {@code args}; its output goes to {@code log}. */
    public static VetricProcess start(Map<String, String> env, List<String> args, Path log) {
        List<String> all = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--spring.jmx.enabled=false"));
        all.addAll(args);
        return start(
                List.of(
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "br.com.vetric.VetricApplication"),
                env,
                all,
                log);
    }

    /**
     * Starts {@code java} with these arguments (JVM options, then what to run: {@code -jar vetric.jar} as people run
     * it, or a class path and the main class), {@code env} (added to this JVM's, without its {@code VETRIC_}
     * variables) and {@code args} after the port; its output goes to {@code log}.
     */
    public static VetricProcess start(List<String> java, Map<String, String> env, List<String> args, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(java);
        command.add("--server.port=" + port);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("VETRIC_"));
        pb.environment().putAll(env);
        try {
            long started = System.nanoTime();
            return new VetricProcess(pb.start(), port, log, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /health} answers (200: UP or DEGRADED). */
    public VetricProcess awaitUp(Duration atMost) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("VETRIC exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                return http.send(
                                        HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** Waits for the process to end by itself (a refused start); returns its exit code. */
    public int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("VETRIC still running after " + atMost + ":\n" + output());
        }
        return process.exitValue();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A JSON API call to this VETRIC ({@code json} null: no body; {@code token} null: anonymous). */
    public HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
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

    /** {@link System#nanoTime()} just before the process was started. */
    public long startedNanos() {
        return startedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** SIGKILL, as a supervisor (or the OOM killer) does: no shutdown hook, nothing closed. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, a clean stop; returns the exit code. */
    public int stop() throws InterruptedException {
        return stop(Duration.ofSeconds(60));
    }

    /** SIGTERM, then SIGKILL if the process has not ended {@code within} the time; returns the exit code. */
    public int stop(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
