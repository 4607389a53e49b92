package br.com.vetric.residents;

import static br.com.vetric.support.WebFixtures.admin;
import static br.com.vetric.support.WebFixtures.cliente;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Users;
import br.com.vetric.support.WebTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class ResidentPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Residents residents;

    @Autowired
    Condominiums condominiums;

    @Test
    void adminCreatesAResidentWithSeveralTagsAndABrazilianPhoneStoredAsE164() throws Exception {
        mvc.perform(post("/residents")
                        .with(admin(users))
                        .with(csrf())
                        .param("name", "Joana Páginas")
                        .param("apartment", "1201")
                        .param("tower", "B")
                        .param("phone", "(21) 99876-5432")
                        .param("tags", "pg-tag-1, PG-TAG-2")
                        .param("notificationsEnabled", "false")
                        .param("notificationsEnabled", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/residents"));
        ResidentRef r =
                residents.findByTag(condominiums.primary().id(), "pg-tag-2").orElseThrow();
        assertThat(r.name()).isEqualTo("Joana Páginas");
        assertThat(r.phone()).isEqualTo("+5521998765432");
        assertThat(r.unit()).isEqualTo("1201 · B");
        mvc.perform(get("/residents?q=Joana").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PG-TAG-1")))
                .andExpect(content().string(containsString("(21) 99876-5432")))
                .andExpect(content().string(not(containsString("/residents/new"))));
    }

    @Test
    void invalidPhoneIsReportedOnItsFieldAndNothingIsSaved() throws Exception {
        long before = residents.count(condominiums.primary().id(), null, true);
        mvc.perform(post("/residents")
                        .with(admin(users))
                        .with(csrf())
                        .param("name", "Telefone Ruim")
                        .param("apartment", "1")
                        .param("phone", "123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Telefone: não é um telefone válido.")));
        assertThat(residents.count(condominiums.primary().id(), null, true)).isEqualTo(before);
    }

    @Test
    void clienteCannotWriteResidents() throws Exception {
        mvc.perform(post("/residents")
                        .with(cliente(users))
                        .with(csrf())
                        .param("name", "X")
                        .param("apartment", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/residents/1/deactivate").with(cliente(users)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void deactivatingKeepsTheResidentButReleasesTheTags() throws Exception {
        Resident r = residents.create(
                condominiums.primary().id(),
                new ResidentCommand("Saindo Página", "77", null, null, java.util.List.of("LEAVING77"), true));
        mvc.perform(post("/residents/" + r.id() + "/deactivate")
                        .with(admin(users))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(residents.get(condominiums.primary().id(), r.id()).active()).isFalse();
        assertThat(residents.findByTag(condominiums.primary().id(), "LEAVING77"))
                .isEmpty();
    }

    @Test
    void csvImportWithAnErrorReportsLineAndFieldAndImportsNothing() throws Exception {
        String csv = "nome;apartamento;torre;telefone;tags;notificacoes\n"
                + "Ana Import;301;A;(11) 98765-1111;IMP-A1|IMP-A2;sim\n"
                + ";302;A;;IMP-B1;sim\n"
                + "Caio Import;303;A;999;IMP-A1;talvez\n";
        MockMultipartFile file =
                new MockMultipartFile("file", "moradores.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/residents/import").file(file).with(admin(users)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nada foi importado")))
                .andExpect(content().string(containsString("<td>3</td><td>Nome</td>")))
                .andExpect(content().string(containsString("telefone inválido: 999")))
                .andExpect(content().string(containsString("tag repetida no arquivo (linha): IMP-A1 (2)")))
                .andExpect(content().string(containsString("use sim ou não: talvez")));
        assertThat(residents.findByTag(condominiums.primary().id(), "IMP-A2")).isEmpty();

        mvc.perform(multipart("/residents/import")
                        .file(file)
                        .param("importValid", "true")
                        .with(admin(users))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 morador(es) importado(s)")));
        assertThat(residents.findByTag(condominiums.primary().id(), "IMP-A2"))
                .get()
                .extracting(ResidentRef::name)
                .isEqualTo("Ana Import");
        assertThat(residents.findByTag(condominiums.primary().id(), "IMP-B1")).isEmpty();
    }
}
