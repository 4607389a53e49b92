package br.com.vetric.sessions.internal;

import java.time.Instant;

/** A stretch of time in which VETRIC saw the car charging (connector Charging). */
public record ChargingInterval(Instant start, Instant end) {

    public ChargingInterval {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a charging interval cannot end before it starts");
        }
    }
}
