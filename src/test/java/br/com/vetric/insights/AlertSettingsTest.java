package br.com.vetric.insights;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.UserCommand;
import br.com.vetric.identity.Users;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The managers tune or mute each alert: the API (400 naming the field) and the form on the page. */
@WebTest
class AlertSettingsTest {

    static final String VALID = """
            {"consumptionEnabled": true, "consumptionZ": 5.5, "abnormalEndsEnabled": false, "abnormalEndsSigmas": 3,
             "lowEnergyEnabled": true, "lowEnergyPercent": 15, "unknownTagEnabled": false, "unknownTagUses": 5}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    Condominium condo;
    String manager;

    @BeforeEach
    void aCondominiumAndItsManager() {
        String tag = Long.toString(System.nanoTime());
        condo = condominiums.create("Alertas API " + tag);
        manager = "sindico-alertas-" + tag + "@vetric.test";
        users.create(new UserCommand(
                manager, "Síndico Alertas", "CLIENTE", List.of(condo.id().value()), true, "alerts-password-1"));
    }

    RequestPostProcessor as(String email, String password) {
        RequestPostProcessor as = WebFixtures.as(users, email, password);
        return request -> {
            request.addHeader(
                    CurrentCondominium.HEADER, Long.toString(condo.id().value()));
            return as.postProcessRequest(request);
        };
    }

    RequestPostProcessor sindico() {
        return as(manager, "alerts-password-1");
    }

    @Test
    void everyAlertIsOnWithItsDefaultThresholdUntilTheManagersChangeIt() throws Exception {
        mvc.perform(get("/api/v1/insights/alert-settings").with(sindico()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consumptionEnabled").value(true))
                .andExpect(jsonPath("$.consumptionZ").value(4.0))
                .andExpect(jsonPath("$.abnormalEndsSigmas").value(3.0))
                .andExpect(jsonPath("$.lowEnergyPercent").value(20))
                .andExpect(jsonPath("$.unknownTagEnabled").value(true))
                .andExpect(jsonPath("$.unknownTagUses").value(3));
        mvc.perform(put("/api/v1/insights/alert-settings")
                        .with(sindico())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consumptionZ").value(5.5))
                .andExpect(jsonPath("$.abnormalEndsEnabled").value(false));
        mvc.perform(get("/api/v1/insights/alert-settings")
                        .with(as(WebFixtures.ADMIN_EMAIL, WebFixtures.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consumptionZ").value(5.5))
                .andExpect(jsonPath("$.unknownTagEnabled").value(false))
                .andExpect(jsonPath("$.unknownTagUses").value(5));
    }

    @Test
    void aThresholdOutOfRangeOrMissingIsRefusedNamingTheField() throws Exception {
        mvc.perform(put("/api/v1/insights/alert-settings")
                        .with(sindico())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"consumptionZ\": 5.5", "\"consumptionZ\": 0.5")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("consumptionZ")));
        mvc.perform(put("/api/v1/insights/alert-settings")
                        .with(sindico())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"lowEnergyPercent\": 15", "\"lowEnergyPercent\": 95")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("lowEnergyPercent")));
        mvc.perform(put("/api/v1/insights/alert-settings")
                        .with(sindico())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace(", \"unknownTagUses\": 5", "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("unknownTagUses")));
        mvc.perform(get("/api/v1/insights/alert-settings").with(sindico()))
                .andExpect(jsonPath("$.consumptionZ").value(4.0));
    }

    @Test
    void theFormOnTheInsightsPageMutesAKindAndSaysWhichFieldIsWrong() throws Exception {
        mvc.perform(get("/insights").with(sindico()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"alert-settings-form\"")))
                .andExpect(content().string(containsString("Alertas por WhatsApp aos síndicos")));
        mvc.perform(post("/insights/alert-settings")
                        .with(sindico())
                        .with(csrf())
                        .param("consumptionEnabled", "true")
                        .param("consumptionZ", "6,5")
                        .param("abnormalEndsSigmas", "3")
                        .param("lowEnergyEnabled", "true")
                        .param("lowEnergyPercent", "20")
                        .param("unknownTagEnabled", "true")
                        .param("unknownTagUses", "4"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/insights#alert-settings"));
        mvc.perform(get("/api/v1/insights/alert-settings").with(sindico()))
                .andExpect(jsonPath("$.consumptionZ").value(6.5))
                .andExpect(jsonPath("$.abnormalEndsEnabled").value(false))
                .andExpect(jsonPath("$.unknownTagUses").value(4));
        mvc.perform(get("/insights").with(sindico())).andExpect(content().string(containsString("value=\"6,5\"")));
        mvc.perform(post("/insights/alert-settings")
                        .with(sindico())
                        .with(csrf())
                        .param("consumptionZ", "abc")
                        .param("abnormalEndsSigmas", "3")
                        .param("lowEnergyPercent", "20")
                        .param("unknownTagUses", "4"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("alertErrorField", "consumptionZ"));
        mvc.perform(get("/api/v1/insights/alert-settings").with(sindico()))
                .andExpect(jsonPath("$.consumptionEnabled").value(true));
    }
}
