package br.com.vetric.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client whose connections leave from a chosen local address (127.0.0.2, 127.0.0.3...: Linux routes
 * all of 127/8 to loopback), so the server sees different clients. Never follows redirects; keeps cookies only
 * when asked ({@link #withCookies()}).
 */
public final class HttpFrom {

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final HttpClient client;
    private final String base;

    private HttpFrom(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    public static HttpFrom address(String localAddress, int port) {
        return new HttpFrom(builder(localAddress).build(), "http://127.0.0.1:" + port);
    }

    /** Same, keeping cookies between requests (a browser-like session). */
    public static HttpFrom withCookies(String localAddress, int port) {
        return new HttpFrom(
                builder(localAddress).cookieHandler(new CookieManager()).build(), "http://127.0.0.1:" + port);
    }

    private static HttpClient.Builder builder(String localAddress) {
        try {
            return HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(localAddress))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder r = request(path).GET();
        if (headers.length > 0) {
            r.headers(headers);
        }
        return send(r);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder r = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            r.headers(headers);
        }
        return send(r);
    }

    public HttpResponse<String> patchJson(String path, String json, String... headers) {
        HttpRequest.Builder r = request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            r.headers(headers);
        }
        return send(r);
    }

    public HttpResponse<String> putJson(String path, String json, String... headers) {
        HttpRequest.Builder r =
                request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            r.headers(headers);
        }
        return send(r);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        HttpRequest.Builder r = request(path).DELETE();
        if (headers.length > 0) {
            r.headers(headers);
        }
        return send(r);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder r = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            r.headers(headers);
        }
        return send(r);
    }

    /**
     * Sends {@code request} as written (e.g. with a Host header the JDK client refuses to set) from this client's
     * local address over a fresh connection, and returns the whole response, status line and headers included.
     */
    public static String raw(String localAddress, int port, String request) {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /api/v1/auth/login}. */
    public HttpResponse<String> apiLogin(String email, String password, String... headers) {
        return postJson(
                "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", headers);
    }

    /** Opens the login page (a cookie client keeps its session) and posts the form with its CSRF token. */
    public HttpResponse<String> formLogin(String email, String password) {
        String page = get("/login").body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        return postForm("/login", Map.of("email", email, "password", password, "_csrf", token));
    }
}
