package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import br.com.vetric.support.VetricProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, the first run, with real processes: the README's first command on a JDK older than 21 stops at once
 * saying which JDK is needed and how to point JAVA_HOME at it; a start VETRIC refuses logs its reason, in one sentence,
 * as the first ERROR line.
 */
class FirstRunTest {

    @TempDir
    Path dir;

    /** A JDK older than 21 on this machine ({@code -Dvetric.oldJdk=...}, else the newest such under /usr/lib/jvm). */
    static Optional<Path> oldJdk() throws IOException {
        String given = System.getProperty("vetric.oldJdk");
        if (given != null) {
            return Optional.of(Path.of(given));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Pattern version = Pattern.compile("(?:java-|jdk-?|openjdk-|temurin-)(\\d+)");
        try (Stream<Path> all = Files.list(jvms)) {
            return all.filter(p -> Files.isExecutable(p.resolve("bin/java")) && !Files.isSymbolicLink(p))
                    .filter(p -> {
                        Matcher m = version.matcher(p.getFileName().toString());
                        return m.find() && Integer.parseInt(m.group(1)) < 21;
                    })
                    .findFirst();
        }
    }

    @Test
    void onAJdkOlderThan21TheFirstCommandStopsAtOnceNamingTheJdkNeededAndJavaHome() throws Exception {
        Optional<Path> jdk = oldJdk();
        assumeTrue(jdk.isPresent(), "no JDK older than 21 on this machine");
        Path log = dir.resolve("mvnw.log");
        ProcessBuilder pb = new ProcessBuilder("./mvnw", "-B", "-ntp", "-o", "-q", "validate")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", jdk.get().toString());
        env.put("MAVEN_SKIP_RC", "true"); // no ~/.mavenrc choosing another JDK
        env.remove("JAVA_HOME_OVERRIDE");
        env.remove("MAVEN_OPTS");
        long t0 = System.nanoTime();
        Process mvn = pb.start();
        assertThat(mvn.waitFor(3, TimeUnit.MINUTES)).as("mvnw ended").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf(
                "mvnw on %s ended with %d after %d ms%n",
                jdk.get(), mvn.exitValue(), (System.nanoTime() - t0) / 1_000_000);

        assertThat(mvn.exitValue()).as(out).isNotZero();
        assertThat(out)
                .contains("VETRIC needs a JDK 21 or newer", "export JAVA_HOME=", "O VETRIC precisa de um JDK 21")
                .containsPattern("runs on Java 1\\d ")
                .doesNotContain("release version", "UnsupportedClassVersionError");
    }

    @Test
    void aRefusedStartLogsItsReasonInOneSentenceAsTheFirstErrorLine() throws Exception {
        // a data directory VETRIC cannot create: its parent is a file
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path log = dir.resolve("vetric.log");
        VetricProcess vetric = VetricProcess.start(
                Map.of("VETRIC_DATA_DIR", file.resolve("data").toString()), List.of(), log);
        int exit = vetric.awaitExit(Duration.ofMinutes(2));

        assertThat(exit).isNotZero();
        List<String> errors =
                vetric.output().lines().filter(l -> l.contains(" ERROR ")).toList();
        assertThat(errors).as(vetric.output()).isNotEmpty();
        assertThat(errors.getFirst())
                .contains("VETRIC did not start: VETRIC could not use the data directory " + file.resolve("data"))
                .endsWith(".");
        // then Spring Boot's report, with what to do
        assertThat(vetric.output()).contains("APPLICATION FAILED TO START", "Action:", "set VETRIC_DATA_DIR");
    }
}
