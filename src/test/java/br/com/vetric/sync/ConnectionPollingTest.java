package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.SimulatedAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The poller as it runs (every second here), with three accounts over real HTTP: one answers, one stalls (every call
 * hangs past the client's timeout), one refuses the login. The answering one is polled on its own pace all along, its
 * polls starting within the interval + 2 s of each other; the others say what is wrong with them.
 */
@SpringBootTest(properties = {"vetric.sync.enabled=true", "vetric.sync.poll-interval=1s", "vetric.demo.live=false"})
@ActiveProfiles("test")
class ConnectionPollingTest {

    @Autowired
    Connections connections;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncMonitor monitor;

    @Autowired
    JdbcClient jdbc;

    long add(SimulatedAccount account, String password, CondominiumId condo) {
        return connections
                .create(new ConnectionCommand(
                        account.simulator.baseUrl(), account.apiKey, account.email, password, condo))
                .id();
    }

    List<Instant> successfulStarts(long connection, Instant since) {
        return jdbc.sql("""
                        select started_at from sync_cycle where connection_id = :c and outcome = 'SUCCESS'
                           and started_at >= :since order by started_at""")
                .param("c", connection)
                .param("since", java.sql.Timestamp.from(since))
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    @Test
    void aStalledAccountAndARefusedOneNeverDelayTheOthersPolls() {
        CondominiumId healthyCondo = condominiums.create("Edifício Responde").id();
        CondominiumId stalledCondo = condominiums.create("Edifício Travado").id();
        CondominiumId refusedCondo =
                condominiums.create("Edifício Senha Errada").id();
        try (SimulatedAccount healthy = SimulatedAccount.start("Vaga ok", 2);
                SimulatedAccount stalled = SimulatedAccount.start("Vaga travada", 2);
                SimulatedAccount refused = SimulatedAccount.start("Vaga recusada", 2)) {
            stalled.simulator.timeoutNext(100_000, Duration.ofSeconds(30));
            long healthyId = add(healthy, healthy.password, healthyCondo);
            long stalledId = add(stalled, stalled.password, stalledCondo);
            long refusedId = add(refused, "a-wrong-password", refusedCondo);
            Instant since = Instant.now();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(monitor.health(refusedId).state()).isEqualTo(ConnectionState.LOGIN_REFUSED);
                assertThat(monitor.health(stalledId).state()).isEqualTo(ConnectionState.UNREACHABLE);
                assertThat(successfulStarts(healthyId, since)).hasSizeGreaterThanOrEqualTo(8);
            });

            List<Instant> starts = successfulStarts(healthyId, since);
            List<Duration> gaps = new ArrayList<>();
            for (int i = 1; i < starts.size(); i++) {
                gaps.add(Duration.between(starts.get(i - 1), starts.get(i)));
            }
            assertThat(gaps)
                    .as("the answering account's polls start within the interval + 2 s of each other")
                    .allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(Duration.ofSeconds(3)));
            assertThat(monitor.health(healthyId).state()).isEqualTo(ConnectionState.OK);
            assertThat(monitor.health(stalledId).lastSuccessAt()).isNull();
            assertThat(monitor.status().cpmsConnected())
                    .as("the link as a whole is degraded")
                    .isFalse();
            assertThat(jdbc.sql("select count(*) from charger where condominium_id = :c")
                            .param("c", healthyCondo.value())
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        }
    }
}
