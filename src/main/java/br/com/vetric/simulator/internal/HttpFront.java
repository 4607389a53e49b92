package br.com.vetric.simulator.internal;

import br.com.vetric.simulator.FaultSpec;
import br.com.vetric.simulator.Scenario;
import br.com.vetric.simulator.SimulatorConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The HTTP side of the simulator: wire API (/api/v1/...), fault injection, counters and /_control. */
public final class HttpFront implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(HttpFront.class);
    public static final String BAD_AUTH = "Invalid AUTHORIZATION set in Header!";
    public static final String TENANT_NOT_FOUND = "E000 - Tenant Not Found";
    public static final String TENANT_UUID = "3f2b9c1e-7a4d-4c8b-9e21-0d5f6a7b8c19";

    private final World world;
    private final SimulatorConfig cfg;
    private final SecureRandom rnd = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final List<ActiveFault> faults = new ArrayList<>();

    private static final class ActiveFault {
        final FaultSpec spec;
        int remaining;
        final long deadlineNanos;

        ActiveFault(FaultSpec spec) {
            this.spec = spec;
            this.remaining = spec.count();
            this.deadlineNanos = spec.duration() == null
                    ? 0
                    : System.nanoTime() + spec.duration().toNanos();
        }

        boolean expired() {
            return spec.duration() != null ? System.nanoTime() - deadlineNanos > 0 : remaining <= 0;
        }
    }

    private record Reply(int status, String body, String contentType) {
        static Reply json(int status, Object body) {
            return new Reply(status, Json.MAPPER.writeValueAsString(body), "application/json;charset=UTF-8");
        }

        static Reply error(int status, String msg) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", msg);
            return json(status, m);
        }
    }

    public HttpFront(World world, SimulatorConfig cfg) {
        this.world = world;
        this.cfg = cfg;
    }

    // ------------------------------------------------------------------ control API used by CveProSimulator

    public void injectFault(FaultSpec spec) {
        synchronized (faults) {
            faults.add(new ActiveFault(spec));
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    public void expireTokens() {
        tokens.clear();
    }

    public long requestCount(String path) {
        AtomicLong c = counters.get(path);
        return c == null ? 0 : c.get();
    }

    public Map<String, Long> requestCounts() {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public void resetCounters() {
        counters.clear();
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    public void handle(HttpExchange ex) throws IOException {
        handle(ex, ex.getRequestURI().getPath());
    }

    /** Answers {@code ex} as if it asked for {@code path} (the account's part of the URL's path). */
    public void handle(HttpExchange ex, String path) throws IOException {
        try {
            if (path.startsWith("/_control")) {
                send(ex, control(ex, path), false);
                return;
            }
            counters.computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
            FaultSpec fault = takeFault(path);
            boolean truncate = false;
            if (fault != null) {
                switch (fault.kind()) {
                    case HTTP_500 -> {
                        send(ex, Reply.error(500, "Internal Server Error"), false);
                        return;
                    }
                    case HTTP_502 -> {
                        send(
                                ex,
                                new Reply(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
                                false);
                        return;
                    }
                    case HTTP_503 -> {
                        send(
                                ex,
                                new Reply(
                                        503,
                                        "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>",
                                        "text/html"),
                                false);
                        return;
                    }
                    case UNAUTHORIZED -> {
                        send(ex, Reply.error(401, BAD_AUTH), false);
                        return;
                    }
                    case MALFORMED_JSON -> truncate = true;
                    case SLOW, TIMEOUT -> sleep(fault.delay());
                }
            }
            send(ex, api(ex, path), truncate);
        } catch (RuntimeException e) {
            log.warn("CVE-PRO simulator: error handling {}", ex.getRequestURI(), e);
            send(ex, Reply.error(500, "Internal Server Error"), false);
        } finally {
            ex.close();
        }
    }

    private FaultSpec takeFault(String path) {
        if (!path.startsWith("/api") && !path.contains("users_data")) return null;
        synchronized (faults) {
            for (Iterator<ActiveFault> it = faults.iterator(); it.hasNext(); ) {
                ActiveFault f = it.next();
                if (f.expired()) {
                    it.remove();
                    continue;
                }
                if (f.spec.pathPrefix() != null && !path.startsWith(f.spec.pathPrefix())) continue;
                if (f.spec.duration() == null && --f.remaining <= 0) it.remove();
                return f.spec;
            }
        }
        return null;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, Reply r, boolean truncate) throws IOException {
        byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
        if (truncate && body.length > 1) body = java.util.Arrays.copyOf(body, Math.max(1, body.length / 2));
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    // ------------------------------------------------------------------ wire API

    private Reply api(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        if (path.endsWith("/users_data/associated_users")) return Reply.error(500, "Internal Server Error");
        switch (path) {
            case "/api/v1/login" -> {
                if (!method.equals("POST")) return Reply.error(405, "Method Not Allowed");
                return login(ex);
            }
            case "/api/v1/chargepoints" -> {
                if (!method.equals("GET")) return Reply.error(405, "Method Not Allowed");
                Reply denied = authenticate(ex);
                if (denied != null) return denied;
                List<Map<String, Object>> list = world.chargePointList();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("error", null);
                m.put("count", list.size());
                m.put("chargePointList", list);
                return Reply.json(200, m);
            }
            case "/api/v1/transaction" -> {
                if (!method.equals("GET")) return Reply.error(405, "Method Not Allowed");
                return transactions(ex);
            }
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("timestamp", Formats.isoUtc(Instant.now()));
                m.put("status", 404);
                m.put("error", "Not Found");
                m.put("path", path);
                return Reply.json(404, m);
            }
        }
    }

    private Reply login(HttpExchange ex) throws IOException {
        if (!apiKeyOk(ex)) return Reply.error(401, TENANT_NOT_FOUND);
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            return Reply.error(400, "Invalid request body");
        }
        if (body == null || !body.isObject()) return Reply.error(400, "Invalid request body");
        String email = body.path("email").asString("");
        String password = body.path("password").asString("");
        if (!email.equalsIgnoreCase(cfg.email()) || !password.equals(cfg.password())) {
            return Reply.error(401, "E001 - Invalid email or password");
        }
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        tokens.put(token, world.now().plus(cfg.tokenTtl()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", token);
        m.put("tenantPk", 19);
        m.put("tenantUuid", TENANT_UUID);
        return Reply.json(200, m);
    }

    private boolean apiKeyOk(HttpExchange ex) {
        String key = ex.getRequestHeaders().getFirst("Api-Key");
        return key != null && key.equals(cfg.apiKey());
    }

    /** Returns null when authorised, else the 401 reply. */
    private Reply authenticate(HttpExchange ex) {
        if (!apiKeyOk(ex)) return Reply.error(401, TENANT_NOT_FOUND);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || auth.isBlank() || auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Reply.error(401, BAD_AUTH);
        }
        Instant exp = tokens.get(auth.trim());
        if (exp == null) return Reply.error(401, BAD_AUTH);
        if (!world.now().isBefore(exp)) {
            tokens.remove(auth.trim());
            return Reply.error(401, "Token expired");
        }
        return null;
    }

    private Reply transactions(HttpExchange ex) {
        Reply denied = authenticate(ex);
        if (denied != null) return denied;
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        // quirk: these extra headers / params make the real API answer 401
        if (ex.getRequestHeaders().containsKey("Platform")
                || ex.getRequestHeaders().containsKey("X-Timezone-Offset")
                || q.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("timeZone"))) {
            return Reply.error(401, BAD_AUTH);
        }
        LocalDateTime from = parseDate(q.get("fromDate"));
        LocalDateTime to = parseDate(q.get("toDate"));
        if (from == null || to == null) {
            return Reply.error(400, "fromDate and toDate are required (yyyy-MM-dd HH:mm:ss)");
        }
        List<Map<String, Object>> list = world.transactionList(from, to);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", null);
        m.put("list", list);
        m.put("count", list.size());
        return Reply.json(200, m);
    }

    private static LocalDateTime parseDate(String s) {
        if (s == null || s.isBlank()) return null;
        String t = s.trim();
        try {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay();
            return LocalDateTime.parse(t.replace('T', ' '), Formats.NAIVE_LOCAL);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return m;
        for (String part : raw.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    // ------------------------------------------------------------------ /_control

    private Reply control(HttpExchange ex, String path) throws IOException {
        if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) return Reply.error(403, "loopback only");
        String name = path.substring("/_control".length());
        if (name.startsWith("/")) name = name.substring(1);
        String bodyText = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> p = new HashMap<>(query(ex.getRequestURI().getRawQuery()));
        try {
            if (name.equals("scenario")) {
                Scenario s = p.containsKey("resource")
                        ? Scenario.fromClasspath(p.get("resource"))
                        : Scenario.parse(bodyText, "posted");
                Scenarios.play(world, s);
                return Reply.json(200, Map.of("ok", true, "steps", s.steps().size(), "name", String.valueOf(s.name())));
            }
            if (!bodyText.isBlank()) {
                JsonNode b = Json.MAPPER.readTree(bodyText);
                if (b != null && b.isObject()) {
                    for (Map.Entry<String, JsonNode> e : b.properties()) {
                        if (!e.getValue().isNull())
                            p.put(e.getKey(), e.getValue().asString());
                    }
                }
            }
            return switch (name) {
                case "", "state" -> Reply.json(200, state());
                case "advance" -> {
                    Duration d = p.containsKey("seconds")
                            ? Duration.ofMillis((long) (Double.parseDouble(p.get("seconds")) * 1000))
                            : Duration.parse(p.getOrDefault("duration", "PT1S"));
                    world.advance(d);
                    yield Reply.json(200, Map.of("ok", true, "now", world.now().toString()));
                }
                case "inject" -> {
                    FaultSpec.Kind kind = FaultSpec.Kind.valueOf(
                            p.getOrDefault("kind", "HTTP_500").toUpperCase());
                    Duration dur =
                            p.containsKey("seconds") ? Duration.ofSeconds(Long.parseLong(p.get("seconds"))) : null;
                    Duration delay =
                            p.containsKey("delayMs") ? Duration.ofMillis(Long.parseLong(p.get("delayMs"))) : null;
                    injectFault(new FaultSpec(
                            kind, Integer.parseInt(p.getOrDefault("count", "1")), dur, delay, p.get("path")));
                    yield Reply.json(200, Map.of("ok", true));
                }
                case "clear-faults" -> {
                    clearFaults();
                    yield Reply.json(200, Map.of("ok", true));
                }
                case "expire-tokens" -> {
                    expireTokens();
                    yield Reply.json(200, Map.of("ok", true));
                }
                case "counters" -> Reply.json(200, requestCounts());
                case "counters/reset" -> {
                    resetCounters();
                    yield Reply.json(200, Map.of("ok", true));
                }
                default -> Reply.json(200, Actions.apply(world, name, p));
            };
        } catch (IllegalStateException e) {
            return Reply.error(409, e.getMessage());
        } catch (IllegalArgumentException | DateTimeParseException | JacksonException e) {
            return Reply.error(400, e.getMessage());
        }
    }

    private Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        Instant now = world.now();
        m.put("now", now.toString());
        m.put("nowLocal", Formats.naiveLocal(now));
        m.put("chargers", world.chargerSnapshots());
        m.put("transactions", world.transactionSnapshots());
        m.put("pendingEvents", world.pendingEvents());
        m.put("eventErrors", world.eventErrors());
        m.put("counters", requestCounts());
        return m;
    }
}
