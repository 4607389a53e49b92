package br.com.vetric.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent test partner from the npm registry (the reference {@code standardwebhooks}, {@code ocpp-rpc},
 * {@code web-push-testing}…), run with the machine's Node.js. Each partner is a folder {@code src/test/node/<name>}
 * with a {@code package.json} (and, once installed, its {@code package-lock.json}) and the scripts the tests run. Its
 * packages are installed on first use ({@code npm ci}, or {@code npm install} when there is no lock file yet), once
 * per machine even when test JVMs run side by side, so {@code ./mvnw verify} needs nothing but Node.js and the npm
 * registry.
 */
public final class NodePartner {

    private static final Path ROOT = Path.of("src/test/node");
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);

    private final Path dir;

    private NodePartner(Path dir) {
        this.dir = dir;
    }

    /** The partner in {@code src/test/node/<name>}, its packages installed. */
    public static NodePartner named(String name) {
        Path dir = ROOT.resolve(name).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("package.json"))) {
            throw new IllegalStateException("no test partner at " + dir + " (package.json missing)");
        }
        NodePartner partner = new NodePartner(dir);
        partner.install();
        return partner;
    }

    public Path dir() {
        return dir;
    }

    /** A process running {@code node <script> <args…>} in the partner's folder (stderr joined to stdout). */
    public ProcessBuilder node(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    }

    /** Runs {@code node <script> <args…>} to the end and returns what it printed; fails on a non-zero exit. */
    public String run(Duration limit, String script, String... args) {
        try {
            Process p = node(script, args).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("node " + script + " did not finish in " + limit);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("node " + script + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("could not run node " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void install() {
        Path lockFile = dir.resolve(".install.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var ignored = channel.lock()) {
            if (Files.isDirectory(dir.resolve("node_modules"))) {
                return;
            }
            boolean locked = Files.isRegularFile(dir.resolve("package-lock.json"));
            List<String> command =
                    List.of("npm", locked ? "ci" : "install", "--no-audit", "--no-fund", "--loglevel=error");
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(INSTALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("npm could not install the test partner in " + dir + ":\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not install the test partner in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
