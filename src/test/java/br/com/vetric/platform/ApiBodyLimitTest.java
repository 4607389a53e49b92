package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.reports.UploadFixtures;
import br.com.vetric.support.WebTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** JSON bodies on /api/** are refused past 64 KB before they are parsed; uploads keep their own 10 MB limit. */
@WebTest
class ApiBodyLimitTest {

    static final int LIMIT = 64 * 1024;

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A valid login whose JSON carries an ignored padding field, {@code size} bytes in all. */
    static byte[] login(int size) {
        String head = "{\"email\":\"admin@vetric.test\",\"password\":\"admin-test-password\",\"pad\":\"";
        String tail = "\"}";
        return (head + "a".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    /** A body without Content-Length: the JDK client sends it chunked. */
    static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    HttpResponse<String> post(String path, BodyPublisher body, String contentType, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(body);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aJsonBodyOverTheLimitIsA413ProblemBeforeItIsReadWithContentLengthOrChunked() throws Exception {
        for (BodyPublisher body : new BodyPublisher[] {
            BodyPublishers.ofByteArray(login(LIMIT + 1)),
            chunked(login(LIMIT + 1)),
            BodyPublishers.ofByteArray(login(5 * 1024 * 1024)),
            chunked(login(5 * 1024 * 1024))
        }) {
            HttpResponse<String> r = post("/api/v1/auth/login", body, "application/json", null);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
            assertThat(r.body()).contains("\"status\":413", "\"field\":\"body\"", "larger than 65536 bytes");
        }
        // before authentication too: an anonymous caller cannot make VETRIC read a large body either
        HttpResponse<String> anonymous =
                post("/api/v1/residents", BodyPublishers.ofByteArray(login(LIMIT + 1)), "application/json", null);
        assertThat(anonymous.statusCode()).isEqualTo(413);
    }

    @Test
    void aJsonBodyAtTheLimitIsReadAndAnsweredWithContentLengthOrChunked() throws Exception {
        for (BodyPublisher body : new BodyPublisher[] {
            BodyPublishers.ofByteArray(login(LIMIT)), chunked(login(LIMIT)), chunked(login(200))
        }) {
            HttpResponse<String> r = post("/api/v1/auth/login", body, "application/json", null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"token\"");
        }
    }

    @Test
    void aMultipartUploadOverTheJsonLimitIsLeftToTheUploadRules() throws Exception {
        String token = com.jayway.jsonpath.JsonPath.read(
                post(
                                "/api/v1/auth/login",
                                BodyPublishers.ofByteArray(
                                        "{\"email\":\"sindico@vetric.local\",\"password\":\"sindico-demo\"}"
                                                .getBytes(StandardCharsets.UTF_8)),
                                "application/json",
                                null)
                        .body(),
                "$.token");
        String boundary = "vetric-boundary-1";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ata.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        form.write(UploadFixtures.pdf(300 * 1024));
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        // a CLIENTE may not upload: 403 from the reports rules, not 413 from the JSON limit
        HttpResponse<String> r = post(
                "/api/v1/reports",
                BodyPublishers.ofByteArray(form.toByteArray()),
                "multipart/form-data; boundary=" + boundary,
                token);
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
