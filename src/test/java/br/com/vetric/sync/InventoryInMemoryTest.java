package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.SimulatedAccount;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.internal.ConnectionCache;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A poll keeps its connection's inventory (charger → condominium) in memory instead of reading it again every time,
 * and drops it as soon as anything changes it: an assignment here, or a change another instance (or a person at the
 * database) commits, which the database signals to every instance.
 */
@WebTest
class InventoryInMemoryTest {

    @Autowired
    SyncCycle sync;

    @Autowired
    Connections connections;

    @Autowired
    ConnectionCache cache;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    String nameIn(CondominiumId condo, String uuid) {
        return jdbc.sql("select name from charger where condominium_id = :c and uuid = :u")
                .param("c", condo.value())
                .param("u", uuid)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    long connect(SimulatedAccount account, @Nullable CondominiumId condo) {
        long id = connections
                .create(new ConnectionCommand(
                        account.simulator.baseUrl(), account.apiKey, account.email, account.password, condo))
                .id();
        account.catchUp();
        return id;
    }

    /** Polls until the inventory is held (the signal of the first poll's own discovery may come back after it). */
    void pollUntilHeld(long id) {
        await().atMost(Duration.ofSeconds(10))
                .alias("after a poll with nothing new the inventory is held")
                .until(() ->
                        sync.runConnection(id).values().stream().allMatch(CycleOutcome::success) && cache.holds(id));
    }

    @Test
    void aPollKeepsTheInventoryAndSeesAnotherInstancesChangeAtItsNextPoll() {
        CondominiumId condo = condominiums.create("Edifício Memória").id();
        try (SimulatedAccount account = SimulatedAccount.start("Vaga memória", 3)) {
            long id = connect(account, condo);
            assertThat(sync.runConnection(id).get(condo).success()).isTrue();
            pollUntilHeld(id);
            String uuid = account.uuids.getFirst();
            assertThat(nameIn(condo, uuid)).isEqualTo("Vaga memória 1");

            // as another instance would: straight to the database, without this instance's services
            jdbc.sql("update cpms_charger set display_name = 'Vaga renomeada' where uuid = :u")
                    .param("u", uuid)
                    .update();
            await().atMost(Duration.ofSeconds(10))
                    .alias("the database signals the change")
                    .until(() -> !cache.holds(id));
            assertThat(sync.runConnection(id).get(condo).success()).isTrue();
            assertThat(nameIn(condo, uuid)).isEqualTo("Vaga renomeada");
        }
    }

    @Test
    void anAssignmentHereDropsTheInventoryAtOnce() {
        CondominiumId condo = condominiums.create("Edifício Caixa de Entrada").id();
        try (SimulatedAccount account = SimulatedAccount.start("Vaga inbox", 2)) {
            long id = connect(account, null);
            sync.runConnection(id);
            pollUntilHeld(id);
            String uuid = account.uuids.getFirst();

            connections.assign(uuid, condo, "Vaga atribuída");

            assertThat(cache.holds(id))
                    .as("dropped when the assignment commits, before any signal comes back")
                    .isFalse();
            account.catchUp();
            assertThat(sync.runConnection(id).get(condo).success()).isTrue();
            assertThat(nameIn(condo, uuid)).isEqualTo("Vaga atribuída");
        }
    }
}
