package br.com.vetric.cpms;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.cpms.internal.CveProTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CveProTimeTest {

    @Test
    void heartbeatIsNaiveSaoPauloLocalTime() {
        assertThat(CveProTime.heartbeat("2026-01-09 00:58:03")).contains(Instant.parse("2026-01-09T03:58:03Z"));
    }

    @Test
    void statusTimeIsIsoUtc() {
        assertThat(CveProTime.statusTime("2026-01-09T03:45:15.989Z"))
                .contains(Instant.parse("2026-01-09T03:45:15.989Z"));
        assertThat(CveProTime.statusTime("2026-01-09T00:45:15-03:00")).contains(Instant.parse("2026-01-09T03:45:15Z"));
    }

    @Test
    void transactionTimeIsBrazilianDayFirstLocalTime() {
        assertThat(CveProTime.transactionTime("12/01/2026 19:29:33")).contains(Instant.parse("2026-01-12T22:29:33Z"));
    }

    @Test
    void transactionTimeJustBeforeMidnightStaysOnItsLocalDay() {
        // 23:30 in São Paulo is 02:30 UTC of the next day: the local day must not be lost
        assertThat(CveProTime.transactionTime("31/01/2026 23:30:00")).contains(Instant.parse("2026-02-01T02:30:00Z"));
    }

    @Test
    void eachFieldStillAcceptsTheOtherKnownFormats() {
        assertThat(CveProTime.heartbeat("2026-01-09T03:58:03Z")).contains(Instant.parse("2026-01-09T03:58:03Z"));
        assertThat(CveProTime.transactionTime("2026-01-12 19:29:33")).contains(Instant.parse("2026-01-12T22:29:33Z"));
    }

    @Test
    void garbageAndBlanksAreEmptyNotExceptions() {
        assertThat(CveProTime.heartbeat(null)).isEmpty();
        assertThat(CveProTime.heartbeat("  ")).isEmpty();
        assertThat(CveProTime.statusTime("yesterday")).isEmpty();
        assertThat(CveProTime.transactionTime("32/13/2026 25:61:00")).isEmpty();
    }
}
