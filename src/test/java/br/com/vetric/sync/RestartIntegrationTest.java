package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.VetricApplication;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.CveProFake;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real restart: a second VETRIC process state on the same database must neither duplicate nor lose a
 * session, and must not announce an already started session again.
 */
class RestartIntegrationTest {

    static final CveProFake cve = new CveProFake();

    @AfterAll
    static void stop() {
        cve.close();
    }

    private static ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                "spring.profiles.active",
                "test",
                "server.port",
                "0",
                "vetric.cpms.url",
                cve.baseUrl(),
                "vetric.cpms.api-key",
                CveProFake.API_KEY,
                "vetric.cpms.email",
                CveProFake.EMAIL,
                "vetric.cpms.password",
                CveProFake.PASSWORD));
        props.putAll(extra);
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(VetricApplication.class).run(args);
    }

    @Test
    void killingAndRestartingMidSessionGivesNoDuplicateAndNoLostSession() {
        Instant now = Instant.now();
        cve.charger("c1", "Garagem 1").heartbeat(now).status("Charging", now.minusSeconds(60));
        cve.tx(900, "c1", "AB12CD34", now.minusSeconds(60)).energy(500L);
        cve.publish();

        String jdbcUrl;
        try (ConfigurableApplicationContext first = start(Map.of())) {
            CondominiumId condo = first.getBean(Condominiums.class).primary().id();
            first.getBean(Residents.class)
                    .create(condo, new ResidentCommand("Maria", "Apto 1", null, null, List.of("AB12CD34"), true));
            first.getBean(SyncCycle.class).run(condo);
            jdbcUrl = ((HikariDataSource) first.getBean(javax.sql.DataSource.class)).getJdbcUrl();
        } // the process is gone; its in-memory state with it

        // while VETRIC was down the session ended and a new one started on the same connector
        cve.tx(900, "c1", "AB12CD34", now.minusSeconds(60)).energy(4000L).stop(now.plusSeconds(30), "Local");
        cve.tx(901, "c1", "AB12CD34", now.plusSeconds(40)).energy(100L);
        cve.publish();

        try (ConfigurableApplicationContext second = start(Map.of(
                "vetric.db.url", jdbcUrl, "vetric.db.username", "postgres", "vetric.db.embedded-ephemeral", "false"))) {
            CondominiumId condo = second.getBean(Condominiums.class).primary().id();
            SyncCycle sync = second.getBean(SyncCycle.class);
            sync.run(condo);
            sync.run(condo);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            List<Map<String, Object>> rows = jdbc.sql(
                            "select external_transaction_id, energy_wh, ended_at is null as open from charging_session order by external_transaction_id")
                    .query()
                    .listOfRows();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0))
                    .containsEntry("external_transaction_id", 900L)
                    .containsEntry("energy_wh", 4000L)
                    .containsEntry("open", false);
            assertThat(rows.get(1))
                    .containsEntry("external_transaction_id", 901L)
                    .containsEntry("open", true);
        }
    }
}
