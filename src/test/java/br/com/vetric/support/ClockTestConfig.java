package br.com.vetric.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with one the test moves. Starts at 2026-01-12 12:00 in São Paulo. */
@TestConfiguration(proxyBeanMethods = false)
public class ClockTestConfig {

    public static final Instant START = Instant.parse("2026-01-12T15:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
