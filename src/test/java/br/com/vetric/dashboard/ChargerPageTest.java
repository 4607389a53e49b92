package br.com.vetric.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.support.SqlStatements;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** One charger's page over a long history: it reads only what it shows. */
@WebTest
class ChargerPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theChargerPageReadsItsWindowTheChangeBeforeItAndTenSessionsNotTheWholeHistory() throws Exception {
        long condo = condominiums
                .create("Condomínio Histórico " + System.nanoTime())
                .id()
                .value();
        String email = "historico-" + System.nanoTime() + "@vetric.test";
        users.create(email, "Síndico", Role.CLIENTE, condo, "history-password-1");
        String uuid = "hist-" + System.nanoTime();
        jdbc.sql("""
                insert into charger (condominium_id, uuid, charge_box_id, name, status, error_code, online, first_seen_at,
                       last_changed_at) values (:c, :u, 'HIST01', 'Garagem Antiga', 'Available', 'NoError', true,
                       now() - interval '2 years', now())""").param("c", condo).param("u", uuid).update();
        // two years of hourly changes, long ago an OverVoltage, then faulted two days ago (before the 24 h window),
        // then within the window a GroundFailure and back to Available
        jdbc.sql("""
                insert into charger_status_history (condominium_id, charger_uuid, connector_id, status, error_code, online,
                       observed_at)
                select :c, :u, 1, case when i % 2 = 0 then 'Charging' else 'Available' end,
                       case when i = 9000 then 'OverVoltage' else 'NoError' end, true, cast(:now as timestamptz) - i * interval '1 hour'
                  from generate_series(48, 17520) i""")
                .param("c", condo)
                .param("u", uuid)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("""
                insert into charger_status_history (condominium_id, charger_uuid, connector_id, status, error_code, online,
                       observed_at) values
                (:c, :u, 1, 'Faulted', 'HighTemperature', true, cast(:now as timestamptz) - interval '47 hours'),
                (:c, :u, 1, 'Faulted', 'GroundFailure', true, cast(:now as timestamptz) - interval '3 hours'),
                (:c, :u, 1, 'Available', 'NoError', true, cast(:now as timestamptz) - interval '2 hours')""")
                .param("c", condo)
                .param("u", uuid)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("""
                insert into charging_session (condominium_id, charger_uuid, charger_name, connector_id, status,
                       started_at, ended_at, energy_wh)
                select :c, :u, 'Garagem Antiga', 1, 'FINISHED', now() - i * interval '1 day',
                       now() - i * interval '1 day' + interval '1 hour', 1000 * i
                  from generate_series(1, 300) i""").param("c", condo).param("u", uuid).update();

        String[] page = new String[1];
        List<String> reads = SqlStatements.during(
                "from charg",
                () -> page[0] = mvc.perform(
                                get("/chargers/" + uuid).with(WebFixtures.as(users, email, "history-password-1")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        // the timeline opens faulted (the change before the window), the window's fault is listed (in words, its code
        // for the operator in a title), older ones are not
        assertThat(page[0])
                .contains("title=\"Com falha — temperatura alta no carregador (HighTemperature): ")
                .doesNotContain("OverVoltage");
        String faults = page[0].substring(
                page[0].indexOf("id=\"error-codes\""), page[0].indexOf("</ul>", page[0].indexOf("id=\"error-codes\"")));
        assertThat(faults)
                .contains("title=\"GroundFailure\">falha de aterramento</span>")
                .doesNotContain("HighTemperature");
        assertThat(page[0].split("href=\"/sessions/\\d+\"", -1)).hasSize(11);
        List<String> history =
                reads.stream().filter(q -> q.contains("charger_status_history")).toList();
        // the window (bounded on both sides) and the one change before it; never the history since the beginning
        assertThat(history).hasSize(2);
        assertThat(history)
                .filteredOn(q -> q.contains("observed_at >= ? and observed_at < ?"))
                .hasSize(1);
        assertThat(history)
                .filteredOn(q -> q.contains("observed_at < ?") && q.contains("limit 1"))
                .hasSize(1);
        List<String> sessions =
                reads.stream().filter(q -> q.contains("from charging_session")).toList();
        assertThat(sessions)
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q).contains("limit ?").doesNotContain("count("));
    }
}
