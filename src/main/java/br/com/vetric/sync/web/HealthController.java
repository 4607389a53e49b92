package br.com.vetric.sync.web;

import br.com.vetric.sync.SyncMonitor;
import br.com.vetric.sync.SyncStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: public, so status and coarse fields only (no upstream error text: that is on the ADMIN
 * system page). UP when everything works, DEGRADED (still 200: VETRIC keeps serving the last known state) when
 * a CVE-PRO connection is unreachable or its login refused (each connection's state is listed by id), DOWN (503) when the database is; answered within about 3 s even then (an HTTP request
 * waits at most 2 s for a connection, and the check's query at most 1 s).
 */
@RestController
class HealthController {

    private final SyncMonitor monitor;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    HealthController(SyncMonitor monitor, DataSource dataSource, Clock clock) {
        this.monitor = monitor;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(1);
        this.clock = clock;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        SyncStatus s = monitor.status();
        boolean dbUp;
        try {
            dbUp = Integer.valueOf(1).equals(jdbc.queryForObject("select 1", Integer.class));
        } catch (RuntimeException e) {
            dbUp = false;
        }
        String status = !dbUp ? "DOWN" : (s.cpmsConnected() ? "UP" : "DEGRADED");
        Map<String, Object> cve = new LinkedHashMap<>();
        cve.put("connected", s.cpmsConnected());
        cve.put("lastSuccessAt", s.lastSuccessAt());
        cve.put("lastAttemptAt", s.lastAttemptAt());
        cve.put("consecutiveFailures", s.consecutiveFailures());
        Map<String, Object> poller = new LinkedHashMap<>();
        poller.put("active", s.pollerActive());
        poller.put("intervalSeconds", s.pollInterval().toMillis() / 1000.0);
        poller.put("lastCycleAt", s.lastCycleAt());
        poller.put("lastCycleDurationMs", s.lastCycleDurationMs());
        List<Map<String, Object>> connections = monitor.connections().stream()
                .map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", c.connectionId());
                    m.put("state", c.state().name());
                    m.put("lastSuccessAt", c.lastSuccessAt());
                    m.put("consecutiveFailures", c.consecutiveFailures());
                    return m;
                })
                .toList();
        cve.put("connections", connections);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("timestamp", Instant.now(clock));
        body.put("cvePro", cve);
        body.put("poller", poller);
        body.put("database", Map.of("up", dbUp));
        return ResponseEntity.status(dbUp ? 200 : 503).body(body);
    }
}
