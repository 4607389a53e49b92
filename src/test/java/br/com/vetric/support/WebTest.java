package br.com.vetric.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context (real server on a random port, quiet simulator) shared by every web test class, so the
 * embedded PostgreSQL starts once. Login throttling is tight (3 failures per address and e-mail, 10 per address,
 * within 10 min) and only 127.0.0.1 is a trusted proxy, so tests can play clients at 127.0.0.2 and 127.0.0.3 whose
 * X-Forwarded-* headers must be ignored. MockMvc requests keep the servlet sessions tests hand them
 * ({@link MockMvcServletSessions}); real HTTP uses the web sessions in PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vetric.demo.live=false",
            "vetric.identity.login-throttle.failures-per-account=3",
            "vetric.identity.login-throttle.failures-per-source=10",
            "vetric.identity.login-throttle.window=10m",
            "server.tomcat.remoteip.internal-proxies=127.0.0.1/32",
            "vetric.metrics.token=" + WebTest.METRICS_TOKEN
        })
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MockMvcServletSessions.class)
public @interface WebTest {

    /** The bearer token of {@code /actuator/prometheus} in the web tests' context. */
    String METRICS_TOKEN = "web-tests-metrics-token-5f1c";
}
