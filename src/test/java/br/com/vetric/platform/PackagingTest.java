package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.support.WebTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The container image, the compose file and the Kubernetes manifests (none of which can be built or run on this
 * machine: no Docker) agree with the application: every {@code VETRIC_} variable they set is one VETRIC reads, their
 * ports are the one it listens on, and the health paths their checks and probes ask for answer 200 on a running
 * VETRIC.
 */
@WebTest
class PackagingTest {

    static final Pattern VARIABLE = Pattern.compile("\\bVETRIC_[A-Z0-9_]+");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDockerfileBuildsInTwoStagesAndRunsTheLayeredJarAsAnUnprivilegedUserWithAHealthCheck() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        List<String> instructions = instructions(dockerfile);
        assertThat(instructions.stream().filter(i -> i.startsWith("FROM ")))
                .as("stages")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(dockerfile).contains("-Djarmode=tools", "--layers", "JarLauncher");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("/layers/" + layer + "/");
        }
        String user = instructions.stream()
                .filter(i -> i.startsWith("USER "))
                .reduce((a, b) -> b)
                .orElseThrow()
                .substring(5)
                .trim();
        assertThat(user).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
        assertThat(instructions).contains("EXPOSE 8080");
        assertThat(dockerfile).contains("VETRIC_PORT=8080");
        String healthCheck = instructions.stream()
                .filter(i -> i.startsWith("HEALTHCHECK "))
                .findFirst()
                .orElseThrow();
        assertAnswers(localPath(healthCheck));
        assertThat(unknownVariables(dockerfile)).isEmpty();
    }

    @Test
    void theComposeFileRunsTwoInstancesOnOnePostgresqlBehindAProxyThatDoesNotBufferTheLiveBoard() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deploy/compose.yaml")));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsKeys("postgres", "proxy");
        List<String> instances = services.keySet().stream()
                .filter(name -> map(services.get(name)).get("build") != null)
                .toList();
        assertThat(instances).as("VETRIC services").hasSize(2);
        String nginx = Files.readString(Path.of("deploy/nginx.conf"));
        for (String name : instances) {
            Map<String, Object> service = map(services.get(name));
            Map<String, Object> env = map(service.get("environment"));
            assertThat(unknownVariables(String.join(" ", env.keySet())))
                    .as(name)
                    .isEmpty();
            assertThat(String.valueOf(env.get("VETRIC_PORT"))).isEqualTo("8080");
            assertThat(String.valueOf(env.get("VETRIC_DB_URL"))).startsWith("jdbc:postgresql://postgres:");
            assertAnswers(
                    localPath(String.valueOf(map(service.get("healthcheck")).get("test"))));
            assertThat(nginx).contains("server " + name + ":8080");
        }
        assertThat(String.valueOf(map(services.get("proxy")).get("volumes"))).contains("./nginx.conf:");
        Matcher stream = Pattern.compile("location /board/stream \\{([^}]*)}").matcher(nginx);
        assertThat(stream.find()).as("a location for the live board").isTrue();
        assertThat(stream.group(1)).contains("proxy_buffering off;");
        assertThat(unknownVariables(Files.readString(Path.of("deploy/compose.yaml"))))
                .isEmpty();
    }

    @Test
    void theKubernetesManifestsRunTwoReplicasWithProbesResourcesADisruptionBudgetAndKnownSettings() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("deploy/k8s"))) {
            for (Path f : files.sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    docs.add(map(doc));
                }
            }
        }
        Map<String, Object> web = find(docs, "Deployment", "vetric");
        assertThat(map(web.get("spec")).get("replicas")).isEqualTo(2);
        Map<String, Object> config = find(docs, "ConfigMap", "vetric-config");
        Map<String, Object> secret = find(docs, "Secret", "vetric-secrets");
        assertThat(unknownVariables(String.join(" ", map(config.get("data")).keySet())))
                .isEmpty();
        assertThat(unknownVariables(
                        String.join(" ", map(secret.get("stringData")).keySet())))
                .isEmpty();
        String listens = String.valueOf(map(config.get("data")).get("VETRIC_PORT"));

        Map<String, String> podLabels = null;
        for (Map<String, Object> deployment :
                docs.stream().filter(d -> "Deployment".equals(d.get("kind"))).toList()) {
            Map<String, Object> template = map(map(deployment.get("spec")).get("template"));
            podLabels = strings(map(template.get("metadata")).get("labels"));
            assertThat(podLabels)
                    .containsAllEntriesOf(strings(
                            map(map(deployment.get("spec")).get("selector")).get("matchLabels")));
            for (Object c : (List<?>) map(template.get("spec")).get("containers")) {
                Map<String, Object> container = map(c);
                Map<String, Object> ports = map(((List<?>) container.get("ports")).getFirst());
                assertThat(ports).containsEntry("name", "http");
                assertThat(String.valueOf(ports.get("containerPort"))).isEqualTo(listens);
                assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
                assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
                assertAnswers(probePath(container, "livenessProbe"));
                assertAnswers(probePath(container, "readinessProbe"));
                Map<String, Object> resources = map(container.get("resources"));
                assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
                assertThat(map(resources.get("limits"))).containsKey("memory");
                List<?> env = (List<?>) container.getOrDefault("env", List.of());
                for (Object e : env) {
                    assertThat(unknownVariables(String.valueOf(map(e).get("name"))))
                            .isEmpty();
                }
                assertThat(String.valueOf(container.get("envFrom"))).contains("vetric-config", "vetric-secrets");
            }
        }
        Map<String, Object> budget = find(docs, "PodDisruptionBudget", "vetric");
        Map<String, String> budgeted =
                strings(map(map(budget.get("spec")).get("selector")).get("matchLabels"));
        assertThat(strings(map(map(map(web.get("spec")).get("template")).get("metadata"))
                        .get("labels")))
                .containsAllEntriesOf(budgeted);
        Map<String, Object> service = find(docs, "Service", "vetric");
        assertThat(podLabels)
                .containsAllEntriesOf(strings(map(service.get("spec")).get("selector")));
        assertThat(String.valueOf(map(service.get("spec")).get("ports"))).contains("targetPort=http");
    }

    /** VETRIC_ names that no setting answers to (a typo here would be silently ignored by VETRIC). */
    static Set<String> unknownVariables(String text) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!EnvironmentAliases.ALIASES.containsKey(m.group())) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    private void assertAnswers(String path) throws IOException, InterruptedException {
        HttpResponse<Void> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
    }

    /** The path of the first http://localhost:8080/... address in a health check command. */
    private static String localPath(String command) {
        Matcher m = Pattern.compile("http://localhost:8080(/[\\w/.-]*)").matcher(command);
        assertThat(m.find()).as(command).isTrue();
        return m.group(1);
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
        assertThat(get.get("port")).isEqualTo("http");
        return String.valueOf(get.get("path"));
    }

    /** Dockerfile instructions, continuation lines joined, comments left out. */
    private static List<String> instructions(String dockerfile) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
            } else {
                current.append(t);
                out.add(current.toString().replaceAll("\\s+", " ").trim());
                current.setLength(0);
            }
        }
        return out;
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind"))
                        && name.equals(map(d.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object o) {
        return (Map<String, String>) (Map<?, ?>) map(o);
    }
}
