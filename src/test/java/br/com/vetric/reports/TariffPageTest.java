package br.com.vetric.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Users;
import br.com.vetric.support.WebFixtures;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The tariff on the Relatórios page: typed the Brazilian way ("R$ 0,80"), shown the Brazilian way, refused with a
 * pt-BR message that names the field as the form shows it, read-only for the CLIENTE; the JSON API keeps English
 * problem details naming the JSON field. Tariffs are saved for a far future day so the shared context's pricing
 * stays the demo's; they are removed afterwards.
 */
@br.com.vetric.support.WebTest
class TariffPageTest {

    static final LocalDate FUTURE = LocalDate.of(2099, 1, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Tariffs tariffs;

    @Autowired
    Condominiums condominiums;

    @AfterEach
    void removeTheFutureTariff() {
        if (tariffs.history(condominiums.primary().id()).stream()
                .anyMatch(p -> p.effectiveFrom().equals(FUTURE))) {
            tariffs.delete(condominiums.primary().id(), FUTURE, null);
        }
    }

    @Test
    void adminTypesPricesTheBrazilianWayAndTheClienteReadsTheTariffWithoutAForm() throws Exception {
        mvc.perform(post("/reports/tariff")
                        .with(WebFixtures.admin(users))
                        .with(csrf())
                        .param("mode", "TIME_OF_USE")
                        .param("peakPrice", "R$ 1,50")
                        .param("offPeakPrice", "0,8234")
                        .param("peakStart", "18:00")
                        .param("peakEnd", "21:00")
                        .param("effectiveFrom", "01/01/2099"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("success")).isEqualTo("reports.tariff.saved"));
        assertThat(tariffs.history(condominiums.primary().id()))
                .filteredOn(p -> p.effectiveFrom().equals(FUTURE))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.tariff().peakPrice()).isEqualByComparingTo("1.50");
                    assertThat(p.tariff().offPeakPrice()).isEqualByComparingTo("0.8234");
                });

        String cliente = page(WebFixtures.cliente(users), Map.of());
        assertThat(cliente)
                .contains("tariff-current", "R$ 1,25/kWh", "R$ 0,78/kWh", "Em vigor desde 01/01/2000")
                .contains("A partir de 01/01/2099:", "R$ 1,50/kWh", "R$ 0,8234/kWh")
                .doesNotContain("tariff-form", "1.250000");
        String admin = page(WebFixtures.admin(users), Map.of());
        assertThat(admin).contains("tariff-form", "value=\"1,25\"", "value=\"0,78\"");
    }

    @Test
    void aRefusedFieldIsNamedInPortugueseOnThePageAndByItsJsonNameInTheApi() throws Exception {
        MvcResult refused = mvc.perform(post("/reports/tariff")
                        .with(WebFixtures.admin(users))
                        .with(csrf())
                        .param("mode", "TIME_OF_USE")
                        .param("peakPrice", "1,50")
                        .param("offPeakPrice", "abc")
                        .param("peakStart", "18:00")
                        .param("peakEnd", "21:00")
                        .param("effectiveFrom", "2099-01-01"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String html = page(WebFixtures.admin(users), refused.getFlashMap());
        assertThat(html)
                .contains("“Fora de ponta (R$/kWh)”: digite o preço em reais, por exemplo 0,80 ou R$ 0,80.")
                .contains("value=\"abc\"", "is-invalid")
                .doesNotContain("offPeakPrice:");

        MvcResult ambiguous = mvc.perform(post("/reports/tariff")
                        .with(WebFixtures.admin(users))
                        .with(csrf())
                        .param("mode", "FLAT")
                        .param("flatPrice", "1.250")
                        .param("effectiveFrom", "2099-01-01"))
                .andReturn();
        assertThat(page(WebFixtures.admin(users), ambiguous.getFlashMap()))
                .contains("“Preço único (R$/kWh)”: use vírgula para separar os centavos");
        MvcResult late = mvc.perform(post("/reports/tariff")
                        .with(WebFixtures.admin(users))
                        .with(csrf())
                        .param("mode", "TIME_OF_USE")
                        .param("peakPrice", "1,50")
                        .param("offPeakPrice", "0,70")
                        .param("peakStart", "21:00")
                        .param("peakEnd", "18:00")
                        .param("effectiveFrom", "2099-01-01"))
                .andReturn();
        assertThat(page(WebFixtures.admin(users), late.getFlashMap()))
                .contains("“Fim da ponta (exclusivo)”: o fim da ponta deve ser depois do início.");
        assertThat(tariffs.history(condominiums.primary().id()))
                .noneMatch(p -> p.effectiveFrom().equals(FUTURE));

        String token = WebFixtures.apiToken(mvc, WebFixtures.ADMIN_EMAIL, WebFixtures.ADMIN_PASSWORD);
        mvc.perform(put("/api/v1/tariff")
                        .header("Authorization", "Bearer " + token)
                        .with(WebFixtures.inPrimaryCondominium())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"FLAT\",\"flatPrice\":120,\"effectiveFrom\":\"2099-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("flatPrice"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("between 0 and 100")));
        mvc.perform(put("/api/v1/tariff")
                        .header("Authorization", "Bearer " + token)
                        .with(WebFixtures.inPrimaryCondominium())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"FLAT\",\"flatPrice\":0.80,\"effectiveFrom\":\"2099-01-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tariff.mode").value("TIME_OF_USE"))
                .andExpect(jsonPath("$.effectiveFrom").value("2000-01-01"))
                .andExpect(jsonPath("$.periods[-1:].effectiveFrom").value(org.hamcrest.Matchers.hasItem("2099-01-01")));
    }

    String page(org.springframework.test.web.servlet.request.RequestPostProcessor who, Map<String, Object> flash)
            throws Exception {
        var request = get("/reports").with(who).header("Accept-Language", "pt-BR");
        if (!flash.isEmpty()) {
            request.flashAttrs(flash);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
