package br.com.vetric.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.support.VetricProcess;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill -9 between a change and its webhook delivery loses nothing: VETRIC in a JVM of its own records a change
 * (a resident created) with its delivery worker off, is killed with SIGKILL, and the next VETRIC on the same database
 * delivers the event, signed, to a real receiver.
 */
class WebhookCrashTest {

    @TempDir
    Path data;

    final List<VetricProcess> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (VetricProcess p : started) {
            p.close();
        }
        // a postmaster the killed VETRIC left behind, if the test failed half-way
        try {
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (java.io.IOException | RuntimeException e) {
            // none
        }
    }

    @Test
    void anEventRecordedBeforeAKill9IsDeliveredByTheNextVetric() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            VetricProcess first = start("first.log", false).awaitUp(Duration.ofSeconds(120));
            String token = login(first);
            HttpResponse<String> hook = send(
                    first,
                    "POST",
                    "/api/v1/webhooks",
                    token,
                    "{\"url\":\"" + receiver.url() + "\",\"events\":[\"resident.created\"]}");
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
            HttpResponse<String> created = send(
                    first,
                    "POST",
                    "/api/v1/residents",
                    token,
                    "{\"name\":\"Morador Antes do Kill\",\"apartment\":\"Apto 9\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            first.kill9();
            assertThat(receiver.received).isEmpty();

            start("second.log", true).awaitUp(Duration.ofSeconds(120));
            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.received.isEmpty());
            WebhookReceiver.Received got = receiver.received.getFirst();
            assertThat(JsonPath.<String>read(got.body(), "$.type")).isEqualTo("resident.created");
            assertThat(JsonPath.<String>read(got.body(), "$.data.name")).isEqualTo("Morador Antes do Kill");
            assertThat(got.signature()).startsWith("v1,");
        }
    }

    private VetricProcess start(String log, boolean webhooks) {
        VetricProcess p = VetricProcess.start(
                Map.of(
                        "VETRIC_DATA_DIR", data.toString(),
                        "VETRIC_CPMS_URL", "http://127.0.0.1:9", // never polled here
                        "VETRIC_CPMS_API_KEY", "crash-test-key",
                        "VETRIC_CPMS_EMAIL", "crash@test",
                        "VETRIC_CPMS_PASSWORD", "crash-test-cpms-password",
                        "VETRIC_ADMIN_PASSWORD", "crash-test-admin-password",
                        "VETRIC_JWT_SECRET", "W+BuaHcraibXC0C/nj8PwBq8gRf6KHLtVLTmjX5ABfcgUCqon5XD5C4RMG7Oi5ai",
                        "VETRIC_SECRETS_KEY", "Dtaq4wzhc8QrbePF0fmMcWWN2KBiZVQ8QU2Whn6us08=",
                        "VETRIC_WEBHOOKS_ALLOW_PRIVATE", "true",
                        "VETRIC_WEBHOOKS_ENABLED", Boolean.toString(webhooks)),
                List.of(
                        "--vetric.sync.enabled=false",
                        "--vetric.notifications.scheduler-enabled=false",
                        "--vetric.reports.statement-schedule=false"),
                data.resolve(log));
        started.add(p);
        return p;
    }

    private static String login(VetricProcess p) throws Exception {
        HttpResponse<String> r = send(
                p,
                "POST",
                "/api/v1/auth/login",
                null,
                "{\"email\":\"admin@vetric.local\",\"password\":\"crash-test-admin-password\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        return JsonPath.read(r.body(), "$.token");
    }

    private static HttpResponse<String> send(VetricProcess p, String method, String path, String token, String json)
            throws Exception {
        return p.send(method, path, token, json);
    }
}
