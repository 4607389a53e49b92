package br.com.vetric.sync;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.VetricApplication;
import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.platform.TestDatabases;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.SimulatedAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An existing single-condominium install, upgraded: a database filled by the version before connections (its
 * condominium, its chargers, its sync log), then this version started with {@code VETRIC_CPMS_URL} set. The account
 * becomes a connection serving that condominium, its known chargers are assigned where they were (same rows, nothing
 * rediscovered, nothing in the inbox), and starting again changes nothing (idempotent).
 */
class ConnectionMigrationTest {

    @Test
    void theAccountOfVetricCpmsUrlBecomesAConnectionWithItsChargersAssignedAndNothingIsLost() {
        String url = TestDatabases.newDatabaseUrl();
        TestDatabases.migrateToJustBefore(url, "100");
        try (SimulatedAccount account = SimulatedAccount.start("Garagem", 2)) {
            JdbcClient old = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
            long condo = old.sql("insert into condominium (name) values ('Condomínio Existente') returning id")
                    .query(Long.class)
                    .single();
            for (String uuid : account.uuids) {
                old.sql("""
                                insert into charger (condominium_id, uuid, name, status, first_seen_at, last_changed_at)
                                values (:c, :u, :u, 'Available', now() - interval '30 days', now() - interval '1 day')""").param("c", condo).param("u", uuid).update();
            }
            old.sql("""
                            insert into sync_cycle (condominium_id, started_at, finished_at, duration_ms, outcome)
                            values (:c, now() - interval '20 seconds', now() - interval '19 seconds', 80, 'SUCCESS')""").param("c", condo).update();
            List<Long> chargerIds = old.sql("select id from charger order by id")
                    .query(Long.class)
                    .list();

            String[] args = {
                "--spring.profiles.active=test",
                "--server.port=0",
                "--vetric.db.url=" + url,
                "--vetric.db.username=postgres",
                "--vetric.db.embedded-ephemeral=false",
                "--vetric.cpms.url=" + account.simulator.baseUrl(),
                "--vetric.cpms.api-key=" + account.apiKey,
                "--vetric.cpms.email=" + account.email,
                "--vetric.cpms.password=" + account.password,
                "--vetric.notifications.scheduler-enabled=false"
            };
            long connectionId;
            try (ConfigurableApplicationContext upgraded =
                    new SpringApplicationBuilder(VetricApplication.class).run(args)) {
                JdbcClient db = upgraded.getBean(JdbcClient.class);
                Map<String, Object> connection =
                        db.sql("select * from cpms_connection").query().singleRow();
                connectionId = ((Number) connection.get("id")).longValue();
                assertThat(connection)
                        .containsEntry("url", account.simulator.baseUrl())
                        .containsEntry("email", account.email)
                        .containsEntry("from_environment", true)
                        .containsEntry("default_condominium_id", condo);
                assertThat((String) connection.get("api_key")).startsWith("v1:");
                assertThat(db.sql("select uuid, condominium_id from cpms_charger order by uuid")
                                .query()
                                .listOfRows())
                        .containsExactly(
                                Map.of("uuid", account.uuids.get(0), "condominium_id", condo),
                                Map.of("uuid", account.uuids.get(1), "condominium_id", condo));

                account.catchUp();
                CycleOutcome outcome = upgraded.getBean(SyncCycle.class).run(CondominiumId.of(condo));
                assertThat(outcome.success())
                        .as(String.valueOf(outcome.error()))
                        .isTrue();
                assertThat(outcome.chargers()).isEqualTo(2);
                assertThat(upgraded.getBean(Chargers.class).list(CondominiumId.of(condo)))
                        .extracting(ChargerView::uuid)
                        .containsExactlyInAnyOrderElementsOf(account.uuids);
                assertThat(db.sql("select id from charger order by id")
                                .query(Long.class)
                                .list())
                        .as("the same charger rows: nothing rediscovered")
                        .isEqualTo(chargerIds);
                assertThat(upgraded.getBean(Connections.class).unassigned()).isEmpty();
            }
            try (ConfigurableApplicationContext again =
                    new SpringApplicationBuilder(VetricApplication.class).run(args)) {
                JdbcClient db = again.getBean(JdbcClient.class);
                assertThat(db.sql("select id from cpms_connection")
                                .query(Long.class)
                                .list())
                        .as("a restart registers nothing new")
                        .containsExactly(connectionId);
                assertThat(db.sql("select count(*) from cpms_charger")
                                .query(Long.class)
                                .single())
                        .isEqualTo(2);
                assertThat(again.getBean(SyncCycle.class)
                                .run(CondominiumId.of(condo))
                                .success())
                        .isTrue();
            }
        }
    }
}
