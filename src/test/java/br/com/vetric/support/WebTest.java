package br.com.vetric.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context (real server on a random port, quiet simulator, 3 failed logins lock an account) shared by
 * every web test class, so the embedded PostgreSQL starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vetric.demo.live=false", "vetric.identity.max-failed-logins=3", "vetric.identity.lockout=10m"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
public @interface WebTest {
}
