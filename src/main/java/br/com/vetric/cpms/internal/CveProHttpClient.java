package br.com.vetric.cpms.internal;

import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.CpmsClient;
import br.com.vetric.cpms.CpmsLoginRefusedException;
import br.com.vetric.cpms.CpmsProperties;
import br.com.vetric.cpms.CpmsSnapshot;
import br.com.vetric.cpms.CpmsUnavailableException;
import br.com.vetric.cpms.CveProConnection;
import br.com.vetric.cpms.TransactionSnapshot;
import br.com.vetric.platform.BoundedBody;
import br.com.vetric.shared.Zones;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * CVE-PRO over HTTP. Login with the {@code Api-Key} header; the raw token (no "Bearer") in
 * {@code Authorization}; renewal ahead of time; on a 401 one re-login and one retry. Network errors and 5xx
 * are retried with jittered exponential back-off inside a circuit breaker. Secrets never reach a log line.
 */
public class CveProHttpClient implements CpmsClient {

    private static final Logger log = LoggerFactory.getLogger(CveProHttpClient.class);

    private final CveProConnection connection;
    private final CpmsProperties settings;
    private final Clock clock;
    private final HttpClient http;
    private final CveProParser parser = new CveProParser();
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Object tokenLock = new Object();
    private volatile String token;
    private volatile Instant tokenObtainedAt;

    public CveProHttpClient(CveProConnection connection, CpmsProperties settings, Clock clock) {
        this(connection, settings, clock, httpClient(settings));
    }

    /** With an HTTP client shared by many accounts (one selector thread for all); token and breaker stay its own. */
    public CveProHttpClient(CveProConnection connection, CpmsProperties settings, Clock clock, HttpClient http) {
        this.connection = connection;
        this.settings = settings;
        this.clock = clock;
        this.http = http;
        this.retry = Retry.of(
                "cve-pro",
                RetryConfig.custom()
                        .maxAttempts(Math.max(1, settings.retryAttempts()))
                        .intervalFunction(
                                IntervalFunction.ofExponentialRandomBackoff(settings.retryBackoff(), 2.0, 0.5))
                        .retryOnException(CveProHttpClient::transientFailure)
                        .build());
        this.circuitBreaker = CircuitBreaker.of(
                "cve-pro",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(60)
                        .waitDurationInOpenState(settings.circuitOpenFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordException(CveProHttpClient::transientFailure)
                        .build());
    }

    @Override
    public CpmsSnapshot fetch(Instant now) {
        return fetch(now, settings.transactionWindow());
    }

    @Override
    public CpmsSnapshot fetch(Instant now, java.time.Duration window) {
        java.time.Duration effective =
                window.compareTo(settings.transactionWindow()) < 0 ? settings.transactionWindow() : window;
        try {
            return read(now, effective);
        } catch (MalformedResponseException e) {
            throw new CpmsUnavailableException(e.getMessage(), e);
        }
    }

    private CpmsSnapshot read(Instant now, java.time.Duration window) {
        List<ChargePointSnapshot> chargers = parser.chargePoints(get("/api/v1/chargepoints", null, null));
        LocalDateTime from = LocalDateTime.ofInstant(now.minus(window), Zones.SAO_PAULO);
        // CVE-PRO ignores the time of day of toDate: ask up to the end of tomorrow
        LocalDate tomorrow = LocalDate.ofInstant(now, Zones.SAO_PAULO).plusDays(1);
        List<TransactionSnapshot> transactions = parser.transactions(get(
                "/api/v1/transaction",
                CveProTime.queryDate(from),
                CveProTime.queryDate(LocalDateTime.of(tomorrow, LocalTime.of(23, 59, 59)))));
        return new CpmsSnapshot(chargers, transactions, now);
    }

    /** GET with the current token; on 401 one fresh login and one retry. */
    private String get(String path, String fromDate, String toDate) {
        try {
            String currentToken = currentToken();
            Response r = resilient(() -> send(getRequest(path, fromDate, toDate, currentToken)));
            if (r.status() == 401) {
                log.info("CVE-PRO refused the token on {}: logging in again", path);
                invalidate(currentToken);
                String fresh = currentToken();
                r = resilient(() -> send(getRequest(path, fromDate, toDate, fresh)));
                if (r.status() == 401) {
                    throw new CpmsUnavailableException("CVE-PRO refused a fresh token on " + path + " (401)");
                }
            }
            if (r.status() / 100 != 2) {
                throw new CpmsUnavailableException("CVE-PRO answered " + r.status() + " on " + path);
            }
            return r.body();
        } catch (MalformedResponseException e) {
            throw new CpmsUnavailableException(e.getMessage(), e);
        } catch (CallNotPermittedException e) {
            throw new CpmsUnavailableException("CVE-PRO circuit breaker is open after repeated failures", e);
        } catch (TransientFailure e) {
            throw new CpmsUnavailableException(e.getMessage() + " on " + path, e);
        }
    }

    private HttpRequest getRequest(String path, String fromDate, String toDate, String authToken) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(connection.baseUrl() + path);
        if (fromDate != null) {
            uri.queryParam("fromDate", fromDate).queryParam("toDate", toDate);
        }
        return HttpRequest.newBuilder(URI.create(uri.encode().build().toUriString()))
                .timeout(settings.timeout())
                .header("Api-Key", connection.apiKey())
                .header("Authorization", authToken)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private String currentToken() {
        synchronized (tokenLock) {
            Instant now = clock.instant();
            if (token == null
                    || tokenObtainedAt.plus(settings.tokenRenewAfter()).isBefore(now)) {
                token = login();
                tokenObtainedAt = now;
            }
            return token;
        }
    }

    private void invalidate(String rejected) {
        synchronized (tokenLock) {
            if (rejected != null && rejected.equals(token)) {
                token = null;
            }
        }
    }

    private String login() {
        String body = parser.loginBody(connection.email(), connection.password());
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + "/api/v1/login"))
                .timeout(settings.timeout())
                .header("Api-Key", connection.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Response r = resilient(() -> send(request));
        if (r.status() == 401 || r.status() == 403) {
            throw new CpmsLoginRefusedException("CVE-PRO refused the login with HTTP " + r.status()
                    + " (check the connection's API key, e-mail and password)");
        }
        if (r.status() / 100 != 2) {
            throw new CpmsUnavailableException("CVE-PRO login failed with HTTP " + r.status()
                    + " (check the connection's API key, e-mail and password)");
        }
        log.info("Logged in to CVE-PRO at {}", connection.baseUrl());
        return parser.token(r.body());
    }

    private Response resilient(Supplier<Response> call) {
        return CircuitBreaker.decorateSupplier(circuitBreaker, Retry.decorateSupplier(retry, call))
                .get();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(
                    request, BoundedBody.failingPast(settings.maxResponseSize().toBytes(), settings.timeout()));
            if (response.statusCode() >= 500) {
                log.warn(
                        "CVE-PRO answered {} on {}",
                        response.statusCode(),
                        request.uri().getPath());
                throw new TransientFailure("CVE-PRO answered HTTP " + response.statusCode());
            }
            return new Response(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            log.warn("CVE-PRO timed out on {}", request.uri().getPath());
            throw new TransientFailure(
                    "CVE-PRO timed out after " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            if (BoundedBody.tooLarge(e)) {
                long max = settings.maxResponseSize().toBytes();
                log.warn(
                        "CVE-PRO answered more than {} bytes on {}",
                        max,
                        request.uri().getPath());
                throw new MalformedResponseException("CVE-PRO answered more than " + max + " bytes on "
                        + request.uri().getPath() + " (vetric.cpms.max-response-size)");
            }
            log.warn("CVE-PRO unreachable on {}: {}", request.uri().getPath(), e.toString());
            throw new TransientFailure("CVE-PRO unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while calling CVE-PRO");
        }
    }

    private static boolean transientFailure(Throwable t) {
        return t instanceof TransientFailure;
    }

    private record Response(int status, String body) {}

    /** A network error, a timeout or a 5xx: worth another attempt. */
    static final class TransientFailure extends RuntimeException {
        TransientFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** An HTTP client as every account's reads need it: the call timeout to connect, no redirects followed. */
    public static HttpClient httpClient(CpmsProperties settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
