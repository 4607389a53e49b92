package br.com.vetric.chargers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.WebTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@WebTest
class StatusHistoryPrunerTest {

    @Autowired
    StatusHistoryPruner pruner;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    void change(long condo, String uuid, int connector, String status, Instant at) {
        jdbc.sql("""
                        insert into charger_status_history (condominium_id, charger_uuid, connector_id, status, online,
                               observed_at) values (:c, :u, :k, :s, true, :at)""")
                .param("c", condo)
                .param("u", uuid)
                .param("k", connector)
                .param("s", status)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<String> statuses(long condo) {
        return jdbc.sql("select charger_uuid || '#' || connector_id || ' ' || status from charger_status_history"
                        + " where condominium_id = :c order by observed_at, id")
                .param("c", condo)
                .query(String.class)
                .list();
    }

    @Test
    void historyOlderThan400DaysIsDeletedNewerStaysAndEachConnectorKeepsItsLatestChange() {
        long condo = condominiums
                .create("Condomínio Retenção " + System.nanoTime())
                .id()
                .value();
        Instant now = clock.instant();
        Instant old = now.minus(Duration.ofDays(401));
        // busy connector: 25,000 old rows (more than two delete batches), then changes within the retention
        jdbc.sql("""
                        insert into charger_status_history (condominium_id, charger_uuid, connector_id, status, online,
                               observed_at)
                        select :c, 'busy', 1, 'Charging', true, cast(:old as timestamptz) - i * interval '1 minute'
                          from generate_series(1, 25000) i""").param("c", condo).param("old", Timestamp.from(old)).update();
        change(condo, "busy", 1, "Available", now.minus(Duration.ofDays(399)));
        change(condo, "busy", 1, "Preparing", now.minus(Duration.ofHours(1)));
        // quiet charger: nothing for two years, its last change must stay (the timeline starts from it)
        change(condo, "quiet", 1, "Charging", now.minus(Duration.ofDays(800)));
        change(condo, "quiet", 1, "Available", now.minus(Duration.ofDays(700)));
        change(condo, "quiet", 0, "Available", now.minus(Duration.ofDays(700)));

        assertThat(pruner.prune()).isGreaterThanOrEqualTo(25_001);

        assertThat(statuses(condo))
                .containsExactly("quiet#1 Available", "quiet#0 Available", "busy#1 Available", "busy#1 Preparing");
        // idempotent: a second run finds nothing of this condominium to delete
        pruner.prune();
        assertThat(statuses(condo)).hasSize(4);
    }
}
