package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream answers read with a cap and a deadline, over real HTTP. */
class BoundedBodyTest {

    private static final String BODY = "x".repeat(1 << 20);
    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        client.close();
    }

    @Test
    void aCompleteAnswerIsNotKeptInMemoryUntilItsDeadline() throws Exception {
        WeakReference<Object> reader = readOnce(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    System.gc();
                    return reader.get() == null;
                });
    }

    /** Reads the answer with a far deadline; returns only a weak reference to the body's reader. */
    private WeakReference<Object> readOnce(Duration within) throws Exception {
        AtomicReference<WeakReference<Object>> reader = new AtomicReference<>();
        HttpResponse.BodyHandler<String> bounded = BoundedBody.failingPast(2L << 20, within);
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                        .build(),
                info -> {
                    HttpResponse.BodySubscriber<String> subscriber = bounded.apply(info);
                    reader.set(new WeakReference<>(subscriber));
                    return subscriber;
                });
        assertThat(response.body()).isEqualTo(BODY);
        return reader.get();
    }
}
