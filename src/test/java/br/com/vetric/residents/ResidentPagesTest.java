package br.com.vetric.residents;

import static br.com.vetric.support.WebFixtures.admin;
import static br.com.vetric.support.WebFixtures.cliente;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.WebTest;
import java.nio.charset.Charset;
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
        assertThat(r.unit()).isEqualTo("1201 · Torre B"); // since issue #10: the tower is named (Unit.label)
        mvc.perform(get("/residents?q=Joana").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PG-TAG-1")))
                .andExpect(content().string(containsString("(21) 99876-5432")));
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

    @Test
    void theFormStoresTheUnitNormalisedAndNamesTheFieldOfAnInvalidOne() throws Exception {
        mvc.perform(post("/residents")
                        .with(admin(users))
                        .with(csrf())
                        .param("name", "Olívia Forma")
                        .param("apartment", "Apto 0803 b")
                        .param("tower", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("messageArg", "Olívia Forma (803 · Torre B)"));
        Resident saved = residents
                .list(condominiums.primary().id(), "Olívia Forma", false, 0, 1)
                .getFirst();
        assertThat(saved.apartment()).isEqualTo("803");
        assertThat(saved.tower()).isEqualTo("B");

        long before = residents.count(condominiums.primary().id(), null, true);
        mvc.perform(post("/residents")
                        .with(admin(users))
                        .with(csrf())
                        .param("name", "Torre Dupla")
                        .param("apartment", "803 A")
                        .param("tower", "Torre B"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Torre: o apartamento indica uma torre e o campo Torre")));
        mvc.perform(post("/residents")
                        .with(admin(users))
                        .with(csrf())
                        .param("name", "x".repeat(121))
                        .param("apartment", "Torre A"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nome: no máximo 120 caracteres.")))
                .andExpect(content().string(containsString("Apartamento: informe o número do apartamento")));
        assertThat(residents.count(condominiums.primary().id(), null, true)).isEqualTo(before);

        mvc.perform(post("/residents/" + saved.id())
                        .with(admin(users))
                        .with(csrf())
                        .param("name", "Olívia Forma")
                        .param("apartment", "804")
                        .param("tower", "bloco c"))
                .andExpect(status().is3xxRedirection());
        assertThat(residents.get(condominiums.primary().id(), saved.id()).unit())
                .isEqualTo("804 · Torre C");
    }

    @Test
    void aWindows1252CsvIsImportedWithItsAccentsIntactAndItsUnitsNormalised() throws Exception {
        String csv = "nome;apartamento;torre;telefone;tags\r\n"
                + "João Conceição;Apto 811 Torre A;;(11) 98765-8110;W1252-A\r\n"
                + "Ângela Muñoz;811-b;;;W1252-B\r\n"
                + "Cecília Araújo;0812;Torre A;;\r\n";
        byte[] bytes = csv.getBytes(Charset.forName("windows-1252"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\uFFFD"); // not UTF-8: read as such, "Jo�o"
        mvc.perform(multipart("/residents/import")
                        .file(new MockMultipartFile("file", "moradores-excel.csv", "text/csv", bytes))
                        .with(admin(users))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lido como Windows-1252")))
                .andExpect(content().string(containsString("3 morador(es) importado(s)")));
        CondominiumId condo = condominiums.primary().id();
        assertThat(residents.findByTag(condo, "W1252-A")).get().satisfies(r -> {
            assertThat(r.name()).isEqualTo("João Conceição");
            assertThat(r.unit()).isEqualTo("811 · Torre A");
        });
        assertThat(residents.findByTag(condo, "W1252-B")).get().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Ângela Muñoz");
            assertThat(r.unit()).isEqualTo("811 · Torre B");
        });
        assertThat(residents.list(condo, "Cecília Araújo", false, 0, 5))
                .extracting(Resident::unit)
                .containsExactly("812 · Torre A");
    }

    @Test
    void aFileThatIsNotTextInAKnownEncodingIsRefusedWithAClearMessageAndNothingIsImported() throws Exception {
        long before = residents.count(condominiums.primary().id(), null, true);
        byte[] utf16 = "nome;apartamento\nJoão;813\n".getBytes(StandardCharsets.UTF_16);
        mvc.perform(multipart("/residents/import")
                        .file(new MockMultipartFile("file", "unicode.csv", "text/csv", utf16))
                        .with(admin(users))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("unicode.csv: </strong><span>O arquivo está em UTF-16")))
                .andExpect(content().string(containsString("CSV UTF-8")));
        byte[] twice = "nome;apartamento\nJoÃ£o;813\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/residents/import")
                        .file(new MockMultipartFile("file", "duas-vezes.csv", "text/csv", twice))
                        .with(admin(users))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("convertido duas vezes")));
        assertThat(residents.count(condominiums.primary().id(), null, true)).isEqualTo(before);
    }

    @Test
    void importingTheSameListAgainUpdatesTheResidentsInsteadOfDuplicatingThem() throws Exception {
        String first = "nome;apartamento;telefone;tags;notificacoes\n"
                + "Rita Reimport;Apto 814 Torre A;(11) 98765-8140;REIMP-1;sim\n"
                + "Sara Reimport;814 B;;REIMP-2;\n";
        importCsv(first).andExpect(content().string(containsString("2 novo(s), 0 atualizado(s); 0 sem mudança")));
        CondominiumId condo = condominiums.primary().id();
        long count = residents.count(condo, null, true);
        String again = "nome;apartamento;torre;telefone;tags;notificacoes\n"
                + "rita reimport;814;A;(11) 98765-8141;REIMP-1|REIMP-3;\n"
                + "Sara Reimport;814;Torre B;;REIMP-2;\n";
        importCsv(again).andExpect(content().string(containsString("0 novo(s), 1 atualizado(s); 1 sem mudança")));
        assertThat(residents.count(condo, null, true)).isEqualTo(count);
        Resident rita = residents.list(condo, "Rita Reimport", false, 0, 5).getFirst();
        assertThat(rita.phone()).isEqualTo("+5511987658141");
        assertThat(rita.tags()).containsExactly("REIMP-1", "REIMP-3");
        assertThat(rita.notificationsEnabled()).isTrue();
    }

    @Test
    void csvErrorsNameTheLineAndTheColumnAsTheFileNamesThem() throws Exception {
        importCsv("name;torre\nAna;A\n")
                .andExpect(content()
                        .string(containsString("O cabeçalho não tem a coluna obrigatória &quot;apartamento&quot;.")));
        importCsv("nome;apartamento;torre\nAna Torre;815 A;B\nBia Sem Número;Torre A;\n")
                .andExpect(content().string(containsString("<td>2</td><td>Torre</td>")))
                .andExpect(content().string(containsString("indicam torres diferentes: B")))
                .andExpect(content().string(containsString("<td>3</td><td>Apartamento</td>")))
                .andExpect(content().string(containsString("falta o número do apartamento")));
    }

    private org.springframework.test.web.servlet.ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(multipart("/residents/import")
                        .file(new MockMultipartFile(
                                "file", "moradores.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(admin(users))
                        .with(csrf()))
                .andExpect(status().isOk());
    }
}
