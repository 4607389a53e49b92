package br.com.vetric.integrations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The integrations tests' one context: a real server, webhooks allowed to call this machine (a receiver on
 * 127.0.0.1, as on-premises setups do), a worker that looks every 100 ms and a back-off of 200 ms per attempt.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vetric.demo.live=false",
            "vetric.integrations.webhooks-allow-private=true",
            "vetric.integrations.webhooks-tick=100ms",
            "vetric.integrations.webhooks-backoff=200ms",
            "vetric.integrations.webhooks-jitter=0.1"
        })
@ActiveProfiles("test")
@interface IntegrationsTest {}
