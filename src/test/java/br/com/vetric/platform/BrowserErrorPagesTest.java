package br.com.vetric.platform;

import static br.com.vetric.support.WebFixtures.cliente;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.identity.Users;
import br.com.vetric.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue #10: a browser that asks for an address that does not exist, or sends a parameter a page cannot read, gets
 * VETRIC's pt-BR page naming the field as the page labels it; the JSON API keeps RFC 9457 problem+json.
 */
@WebTest
class BrowserErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    ResultActions browser(String path) throws Exception {
        return mvc.perform(get(path).with(cliente(users)).accept(MediaType.TEXT_HTML, MediaType.ALL));
    }

    @Test
    void anUnknownAddressIsThePortugueseNotFoundPageNotJson() throws Exception {
        browser("/no-such-page")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("id=\"error-title\">Não encontrado<")))
                .andExpect(content().string(containsString("Voltar à Central")));
        // an id that is not a number is no such session either
        browser("/sessions/not-a-number")
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Não encontrado")));
        browser("/sessions/999999999").andExpect(status().isNotFound());
    }

    @Test
    void aParameterThePageCannotReadIsThe400PageNamingTheFieldAsPeopleSeeIt() throws Exception {
        browser("/sessions?from=31-02-2026")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Pedido inválido")))
                .andExpect(content().string(containsString("O campo “De” precisa ser uma data (dia/mês/ano).")))
                .andExpect(content().string(not(containsString("LocalDate"))));
        browser("/sessions?status=QUALQUER")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("O campo “Situação” precisa ser uma das opções da lista.")))
                .andExpect(content().string(not(containsString("SessionStatus"))));
        browser("/sessions?page=segunda")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("O campo “Página” precisa ser um número.")));
        browser("/consumption?month=janeiro")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("O campo “Mês” precisa ser um mês (mês/ano).")));
        // a period that ends before it starts is said on the page itself, naming both fields
        browser("/sessions?from=2026-03-10&to=2026-03-01")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("O campo “Até” tem uma data anterior à do campo “De”")));
        // English when asked
        mvc.perform(get("/sessions?from=x&lang=en").with(cliente(users)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The field “From” must be a date (day/month/year).")));
    }

    @Test
    void theApiKeepsProblemJsonForTheSameMistakes() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").with(cliente(users)).accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/consumption?month=janeiro").with(cliente(users)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        // a client that does not take HTML gets problem+json from a page address too
        mvc.perform(get("/no-such-page").with(cliente(users)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
