package br.com.vetric.dashboard.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code vetric_sse_clients}: the live-board streams open on this instance. */
@Component
class BoardMetrics {

    BoardMetrics(MeterRegistry registry, BoardStream stream) {
        Gauge.builder("vetric.sse.clients", stream, BoardStream::connections)
                .description("Live-board streams (browser tabs) open on this instance")
                .register(registry);
    }
}
