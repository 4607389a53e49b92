package br.com.vetric.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client with its own cookie jar, logged in through the login form (as a browser would be). */
public final class HttpLogin {

    private HttpLogin() {}

    public static HttpClient loggedIn(String baseUrl, String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
        HttpResponse<Void> r = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 302
                || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + email + " failed: " + r.statusCode());
        }
        return http;
    }
}
