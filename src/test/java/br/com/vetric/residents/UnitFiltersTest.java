package br.com.vetric.residents;

import static br.com.vetric.support.WebFixtures.cliente;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.SyncCycle;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo has "Apto 802 Torre A" and "Apto 802 Torre B" (seeded as typed): "802" finds both towers' units, "802 A"
 * one, in the residents' search, the sessions' apartment filter and the consumption ranking, which groups by the unit
 * people see ("802 · Torre A").
 */
@WebTest
class UnitFiltersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Residents residents;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    @Autowired
    CveProSimulator simulator;

    @Test
    void theResidentsSearchFindsEveryTowersUnitOrOne() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        assertThat(residents.list(condo, "802", false, 0, 50))
                .extracting(Resident::unit)
                .containsExactlyInAnyOrder("802 · Torre A", "802 · Torre B");
        for (String oneTower : List.of("802 A", "802-a", "Apto 802 Torre A", "apto 0802 a")) {
            assertThat(residents.list(condo, oneTower, false, 0, 50))
                    .as(oneTower)
                    .extracting(Resident::unit)
                    .containsExactly("802 · Torre A");
        }
        assertThat(residents.list(condo, "80", false, 0, 50)) // a unit is found whole
                .extracting(Resident::unit)
                .doesNotContain("802 · Torre A", "802 · Torre B");
        String page = mvc.perform(get("/residents").param("q", "802 B").with(cliente(users)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("802 · Torre B").doesNotContain("802 · Torre A");
    }

    @Test
    void theSessionsFilterAndTheConsumptionRankingUseTheUnit() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        Resident a = residents.list(condo, "802 A", false, 0, 1).getFirst();
        Resident b = residents.list(condo, "802 B", false, 0, 1).getFirst();
        assertThat(residents.idsByApartment(condo, "802")).contains(a.id(), b.id());
        assertThat(residents.idsByApartment(condo, "802 A")).contains(a.id()).doesNotContain(b.id());
        assertThat(residents.idsByApartment(condo, "Torre A")).isEmpty();

        charge("Garagem 5", a.tags().getFirst());
        charge("Garagem 6", b.tags().getFirst());

        assertThat(sessionUnits("802")).contains("802 · Torre A", "802 · Torre B");
        assertThat(sessionUnits("802 A")).isNotEmpty().containsOnly("802 · Torre A");
        assertThat(sessionUnits("Apto 802 Torre B")).isNotEmpty().containsOnly("802 · Torre B");
        String consumption = mvc.perform(get("/api/v1/consumption").with(cliente(users)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ranked = JsonPath.read(consumption, "$.apartments[*].apartment");
        assertThat(ranked).contains("802 · Torre A", "802 · Torre B");
    }

    private void charge(String charger, String tag) {
        WebFixtures.charge(simulator, condominiums, cycle, charger, tag);
        simulator.stop(charger, "Local");
        simulator.unplug(charger);
        WebFixtures.sync(simulator, condominiums, cycle);
    }

    private List<String> sessionUnits(String apartment) throws Exception {
        String json = mvc.perform(get("/api/v1/sessions")
                        .param("apartment", apartment)
                        .param("size", "500")
                        .with(cliente(users)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.content[*].apartment");
    }
}
