package br.com.vetric.dashboard;

import static br.com.vetric.support.WebFixtures.admin;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Long lists page through the shared pager fragment, keeping their filters. Own context: it adds 60 sessions. */
@SpringBootTest(properties = {"vetric.demo.live=false", "vetric.notifications.scheduler-enabled=false"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PagerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sessionsPageThroughTheFilteredSetKeepingTheFilter() throws Exception {
        jdbc.sql("""
                insert into charging_session (condominium_id, charger_uuid, charger_name, connector_id, status,
                       started_at, ended_at, energy_wh)
                select :c, 'pager-charger', 'Vaga Pager', 1, 'FINISHED', timestamptz '2020-03-01 10:00+00' + g * interval '1 day',
                       timestamptz '2020-03-01 12:00+00' + g * interval '1 day', 1000 * g
                  from generate_series(1, 60) g
                """).param("c", condominiums.primary().id().value()).update();
        mvc.perform(get("/sessions?charger=pager-charger&page=1").with(admin(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 / 3")))
                .andExpect(content().string(containsString("/sessions?charger=pager-charger&amp;page=2")))
                .andExpect(content().string(containsString("/sessions?charger=pager-charger&amp;page=0")));
    }

    @Test
    void theNotificationLogHasNoPagerWhenItFitsOnePage() throws Exception {
        mvc.perform(get("/notifications").with(admin(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("pagination"))));
    }
}
