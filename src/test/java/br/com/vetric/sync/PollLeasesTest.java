package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.SimulatedAccount;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.internal.ConnectionRepository;
import br.com.vetric.sync.internal.ConnectionRepository.Stored;
import br.com.vetric.sync.internal.LeaseRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The poll leases of several instances on one database, in one JVM: each "instance" is a {@link PollLeases} with a
 * name of its own and a 1 s lease. Connections spread, a silent instance's connections move once its lease expires
 * (token + 1), a clean stop hands them over at once, and a poll whose lease was taken while it read CVE-PRO writes
 * nothing.
 */
@WebTest
class PollLeasesTest {

    static final Duration LEASE = Duration.ofSeconds(1);

    @Autowired
    LeaseRepository repository;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Connections connections;

    @Autowired
    ConnectionRepository inventory;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    @Autowired
    JdbcClient jdbc;

    PollLeases instance(String name, SimpleMeterRegistry registry) {
        SyncProperties props = new SyncProperties(Duration.ofSeconds(1), false, Duration.ofDays(7), 64, LEASE);
        return new PollLeases(repository, tx, props, registry, name + "-" + UUID.randomUUID());
    }

    List<Long> fourConnections(List<SimulatedAccount> accounts) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SimulatedAccount a = SimulatedAccount.start("Lease " + i, 1);
            accounts.add(a);
            ids.add(connections
                    .create(new ConnectionCommand(a.simulator.baseUrl(), a.apiKey, a.email, a.password, null))
                    .id());
        }
        return ids;
    }

    int all() {
        return connections.all().size();
    }

    @Test
    void connectionsSpreadAndASilentInstancesMoveWhenItsLeaseExpiresWithTheTokenUp() {
        List<SimulatedAccount> accounts = new ArrayList<>();
        try {
            List<Long> mine = fourConnections(accounts);
            // whatever the shared context's own polls left leased expires first
            jdbc.sql("update poll_lease set expires_at = clock_timestamp()").update();
            SimpleMeterRegistry registryB = new SimpleMeterRegistry();
            PollLeases a = instance("a", new SimpleMeterRegistry());
            PollLeases b = instance("b", registryB);

            a.maintain(all(), id -> false);
            b.maintain(all(), id -> false);
            Map<Long, Long> heldA = a.maintain(all(), id -> false);
            Map<Long, Long> heldB = b.maintain(all(), id -> false);

            int share = Math.ceilDiv(all(), 2);
            assertThat(heldA.keySet()).doesNotContainAnyElementsOf(heldB.keySet());
            Set<Long> both = new HashSet<>(heldA.keySet());
            both.addAll(heldB.keySet());
            assertThat(both).containsAll(mine);
            assertThat(heldA.size()).isBetween(1, share);
            assertThat(heldB.size()).isBetween(1, share);

            // A falls silent (killed, paused): its leases expire and B takes them over, each token one up
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> b.maintain(all(), id -> false).keySet().containsAll(heldA.keySet()));
            Map<Long, Long> after = b.maintain(all(), id -> false);
            heldA.forEach((id, token) ->
                    assertThat(after.get(id)).as("token of " + id).isEqualTo(token + 1));
            assertThat(registryB.get("vetric.poll.lease.takeovers").counter().count())
                    .isGreaterThanOrEqualTo(heldA.size());
            assertThat(registryB.get("vetric.poll.leases.held").gauge().value()).isEqualTo(all());

            // A clean stop hands over at once: no waiting for the lease to expire
            PollLeases c = instance("c", new SimpleMeterRegistry());
            b.releaseAll();
            assertThat(c.maintain(all(), id -> false).keySet()).containsAll(mine);
        } finally {
            accounts.forEach(SimulatedAccount::close);
        }
    }

    @Test
    void aPollWhoseLeaseWasTakenWhileItReadCveProWritesNothing() throws Exception {
        CondominiumId condo = condominiums.create("Edifício Cercado").id();
        try (SimulatedAccount account = SimulatedAccount.start("Vaga cercada", 1)) {
            long id = connections
                    .create(new ConnectionCommand(
                            account.simulator.baseUrl(), account.apiKey, account.email, account.password, condo))
                    .id();
            account.catchUp();
            assertThat(cycle.runConnection(id).get(condo).success()).isTrue();
            long cycles = cycles(id);

            String charger = "Vaga cercada 1";
            account.simulator.plugIn(charger, "CERCA01");
            account.simulator.startCharging(charger);
            account.catchUp();
            long before = account.simulator.requestCount("/api/v1/chargepoints");
            account.simulator.slowNext(2, Duration.ofMillis(1500));
            Stored stored = inventory.find(id).orElseThrow();
            CompletableFuture<Map<CondominiumId, CycleOutcome>> stale =
                    CompletableFuture.supplyAsync(() -> cycle.poll(stored));
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> account.simulator.requestCount("/api/v1/chargepoints") > before);
            // another instance takes the connection over while this poll waits for CVE-PRO
            jdbc.sql("update poll_lease set holder = 'another-instance', token = token + 1 where connection_id = :id")
                    .param("id", id)
                    .update();

            Map<CondominiumId, CycleOutcome> outcome = stale.get();
            assertThat(outcome.get(condo).success()).isFalse();
            assertThat(cycles(id))
                    .as("no cycle written by the poll that lost its lease")
                    .isEqualTo(cycles);
            assertThat(openSessions(condo)).as("no session written").isZero();

            // the same change, polled under a lease this instance holds, is written (the check above can fail)
            jdbc.sql("update poll_lease set expires_at = clock_timestamp() where connection_id = :id")
                    .param("id", id)
                    .update();
            assertThat(cycle.runConnection(id).get(condo).success()).isTrue();
            assertThat(cycles(id)).isEqualTo(cycles + 1);
            assertThat(openSessions(condo)).isEqualTo(1);
        }
    }

    long cycles(long connection) {
        return jdbc.sql("select count(*) from sync_cycle where connection_id = :c")
                .param("c", connection)
                .query(Long.class)
                .single();
    }

    long openSessions(CondominiumId condo) {
        return jdbc.sql("select count(*) from charging_session where condominium_id = :c")
                .param("c", condo.value())
                .query(Long.class)
                .single();
    }
}
