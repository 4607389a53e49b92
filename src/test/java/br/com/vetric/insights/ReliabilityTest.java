package br.com.vetric.insights;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.chargers.StatusChange;
import br.com.vetric.insights.internal.Reliability;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A charger's faults, offline time, abnormal ends, mean time between faults and trend, from a known history. */
class ReliabilityTest {

    static final Instant FROM = Instant.parse("2026-03-01T03:00:00Z");
    static final Instant TO = Instant.parse("2026-03-31T03:00:00Z"); // 30 days

    static StatusChange at(String t, ConnectorStatus s, String error, boolean online) {
        Instant i = Instant.parse(t);
        return new StatusChange("uuid-1", 1, s, error, online, i, i);
    }

    @Test
    void countsEntriesIntoAFaultTheHoursOfflineAndTheAbnormalEnds() {
        List<StatusChange> history = List.of(
                at("2026-03-20T10:00:00Z", ConnectorStatus.FAULTED, "GroundFailure", true),
                at("2026-03-20T10:00:10Z", ConnectorStatus.FAULTED, "GroundFailure", true), // the same fault
                at("2026-03-20T11:00:00Z", ConnectorStatus.AVAILABLE, null, true),
                at("2026-03-25T08:00:00Z", ConnectorStatus.AVAILABLE, null, false),
                at("2026-03-25T10:00:00Z", ConnectorStatus.AVAILABLE, null, true),
                at("2026-03-28T08:00:00Z", ConnectorStatus.UNAVAILABLE, "PowerMeterFailure", true));
        Reliability r = Reliability.of(
                "uuid-1", "Garagem 1", null, history, 40, List.of(Instant.parse("2026-03-26T00:00:00Z")), FROM, TO);
        assertThat(r.faults()).isEqualTo(2);
        assertThat(r.offlineSeconds()).isEqualTo(2 * 3600);
        assertThat(r.abnormalEnds()).isEqualTo(1);
        assertThat(r.mtbfHours()).isEqualTo(360.0); // 720 h over 2 faults
        assertThat(r.trend()).isEqualTo(Reliability.Trend.WORSE); // all in the second half
    }

    @Test
    void aChargerOfflineSinceBeforeThePeriodIsOfflineAllAlongAndHasNoMtbfWithoutFaults() {
        StatusChange before = at("2026-02-20T00:00:00Z", ConnectorStatus.AVAILABLE, null, false);
        Reliability r = Reliability.of("uuid-1", "Garagem 1", before, List.of(), 0, List.of(), FROM, TO);
        assertThat(r.offlineSeconds()).isEqualTo(30L * 24 * 3600);
        assertThat(r.faults()).isZero();
        assertThat(r.mtbfHours()).isNull();
        assertThat(r.trend()).isEqualTo(Reliability.Trend.STEADY);
    }
}
