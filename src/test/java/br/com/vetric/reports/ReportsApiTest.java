package br.com.vetric.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.Zones;
import br.com.vetric.support.SessionRows;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The brief's permission table, upload validation, download headers and statements, through the real API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiTest {

    static final Path STORAGE = createStorage();

    static Path createStorage() {
        try {
            return Files.createTempDirectory("vetric-reports-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("vetric.reports.storage-dir", STORAGE::toString);
    }

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

    @Autowired
    Statements statements;

    String admin;
    String cliente;
    String otherCliente;
    Condominium primary;
    Condominium other;

    @BeforeAll
    void accounts() throws Exception {
        primary = condominiums.primary();
        other = condominiums.create(new br.com.vetric.condominium.CondominiumCommand(
                "Condomínio Vizinho", null, null, null, null, null, "premium", true)); // a plan with statements
        users.create(
                "sindico@reports.test", "Síndico", Role.CLIENTE, primary.id().value(), "sindico-password");
        users.create(
                "outro@reports.test", "Outro síndico", Role.CLIENTE, other.id().value(), "outro-password");
        admin = login("admin@vetric.test", "admin-test-password");
        cliente = login("sindico@reports.test", "sindico-password");
        otherCliente = login("outro@reports.test", "outro-password");
    }

    String login(String email, String password) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk())
                .andReturn();
        return JsonPath.read(r.getResponse().getContentAsString(), "$.token");
    }

    /** As the token's user; an ADMIN names the primary condominium (this test adds a second one). */
    <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B b, String token) {
        b.header("Authorization", "Bearer " + token);
        return token.equals(admin)
                ? b.header(CurrentCondominium.HEADER, primary.id().value())
                : b;
    }

    MockMultipartHttpServletRequestBuilder upload(String token, String name, byte[] bytes) {
        return as(
                multipart("/api/v1/reports")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                        .param("title", "Relatório de teste")
                        .param("description", "descrição")
                        .param("year", "2026")
                        .param("month", "10"),
                token);
    }

    long uploadOk(String name, byte[] bytes) throws Exception {
        MvcResult r = mvc.perform(upload(admin, name, bytes))
                .andExpect(status().isCreated())
                .andReturn();
        return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void permissionTableForEveryRoleAndAnotherCondominium() throws Exception {
        long id = uploadOk("ata.pdf", UploadFixtures.pdf(5_000));
        // CLIENTE: no upload, no delete
        mvc.perform(upload(cliente, "ata.pdf", UploadFixtures.pdf(5_000))).andExpect(status().isForbidden());
        mvc.perform(as(delete("/api/v1/reports/" + id), cliente)).andExpect(status().isForbidden());
        // CLIENTE of the condominium: lists and downloads
        mvc.perform(as(get("/api/v1/reports"), cliente))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());
        mvc.perform(as(get("/api/v1/reports/" + id + "/download"), cliente)).andExpect(status().isOk());
        // CLIENTE of another condominium: 404, and not in its list
        mvc.perform(as(get("/api/v1/reports/" + id), otherCliente)).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/reports/" + id + "/download"), otherCliente))
                .andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/reports"), otherCliente))
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").doesNotExist());
        // nobody: 401
        mvc.perform(get("/api/v1/reports")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/reports/" + id + "/download")).andExpect(status().isUnauthorized());
        // ADMIN deletes; the file goes too
        Path file = storedFile(id);
        assertThat(file).exists();
        mvc.perform(as(delete("/api/v1/reports/" + id), admin)).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/reports/" + id), admin)).andExpect(status().isNotFound());
        assertThat(file).doesNotExist();
    }

    @Test
    void adminOnlyDocumentsAreHiddenFromTheCondominium() throws Exception {
        MvcResult r = mvc.perform(as(
                        multipart("/api/v1/reports")
                                .file(new MockMultipartFile(
                                        "file", "interno.xlsx", "application/octet-stream", UploadFixtures.xlsx()))
                                .param("title", "Interno")
                                .param("year", "2026")
                                .param("month", "9")
                                .param("visibility", "ADMINS"),
                        admin))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("XLSX"))
                .andReturn();
        long id = ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
        mvc.perform(as(get("/api/v1/reports/" + id), cliente)).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/reports/" + id), admin)).andExpect(status().isOk());
    }

    @Test
    void acceptsExactlyTenMegabytesAndRefusesOneByteMore() throws Exception {
        mvc.perform(upload(admin, "grande.pdf", UploadFixtures.pdf(10_485_760)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sizeBytes").value(10_485_760));
        mvc.perform(upload(admin, "grande.pdf", UploadFixtures.pdf(10_485_761)))
                .andExpect(status().is(413))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.reason").value("TOO_LARGE"));
    }

    @Test
    void refusesRenamedExecutablesMacrosAndZipBombsWithAClearReason() throws Exception {
        mvc.perform(upload(admin, "relatorio.pdf", UploadFixtures.exe()))
                .andExpect(status().is(415))
                .andExpect(jsonPath("$.reason").value("EXECUTABLE"));
        mvc.perform(upload(admin, "planilha.xlsx", UploadFixtures.xlsm()))
                .andExpect(status().is(415))
                .andExpect(jsonPath("$.reason").value("MACROS"));
        mvc.perform(upload(admin, "planilha.xls", UploadFixtures.xlsWithVba()))
                .andExpect(status().is(415))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.reason").value("MACROS"))
                .andExpect(jsonPath("$.detail").value("file: Office files with macros (VBA) are not accepted"));
        mvc.perform(upload(admin, "ata.doc", UploadFixtures.docWithMacros()))
                .andExpect(status().is(415))
                .andExpect(jsonPath("$.reason").value("MACROS"));
        mvc.perform(upload(admin, "planilha.xlsx", UploadFixtures.zipBomb()))
                .andExpect(status().is(415))
                .andExpect(jsonPath("$.reason").value("ZIP_BOMB"));
        mvc.perform(as(
                        multipart("/api/v1/reports")
                                .file(new MockMultipartFile("file", "a.pdf", null, UploadFixtures.pdf(2000)))
                                .param("year", "2026")
                                .param("month", "10"),
                        admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void pathLikeNamesAreOnlySanitisedMetadataAndDownloadsAreAttachments() throws Exception {
        long id = uploadOk("../../etc/passwd.pdf", UploadFixtures.pdf(3_000));
        mvc.perform(as(get("/api/v1/reports/" + id), admin))
                .andExpect(jsonPath("$.originalName").value("passwd.pdf"));
        Path file = storedFile(id);
        assertThat(file.getParent())
                .isEqualTo(STORAGE.resolve(Long.toString(primary.id().value())));
        assertThat(file.getFileName().toString()).matches("[0-9a-f-]{36}\\.pdf");

        long accented = uploadOk("relatório de março.pdf", UploadFixtures.pdf(3_000));
        MvcResult r = mvc.perform(as(get("/api/v1/reports/" + accented + "/download"), cliente))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn();
        String disposition = r.getResponse().getHeader("Content-Disposition");
        assertThat(disposition)
                .startsWith("attachment;")
                .contains("filename*=UTF-8''relat%C3%B3rio%20de%20mar%C3%A7o.pdf");
        assertThat(r.getResponse().getContentAsByteArray()).isEqualTo(UploadFixtures.pdf(3_000));
        String sha = JsonPath.read(
                mvc.perform(as(get("/api/v1/reports/" + accented), admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.sha256");
        assertThat(sha).hasSize(64);
    }

    @Test
    void tariffIsAdminOnlyToChange() throws Exception {
        mvc.perform(as(put("/api/v1/tariff"), cliente)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"FLAT\",\"flatPrice\":1.00}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(put("/api/v1/tariff"), admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"TIME_OF_USE\",\"peakPrice\":1.00}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offPeakPrice"));
        mvc.perform(as(post("/api/v1/reports/statements").param("month", "2026-01"), cliente))
                .andExpect(status().isForbidden());
    }

    @Test
    void monthlyStatementIsGeneratedReconciledAndEveryGenerationIsAKeptVersion() throws Exception {
        mvc.perform(
                        as(put("/api/v1/tariff"), admin)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"mode\":\"TIME_OF_USE\",\"peakPrice\":1.20,\"offPeakPrice\":0.70,\"peakStart\":\"17:30\",\"peakEnd\":\"20:30\",\"effectiveFrom\":\"2025-01-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tariff.mode").value("TIME_OF_USE"));
        mvc.perform(as(get("/api/v1/tariff"), cliente))
                .andExpect(jsonPath("$.configured").value(true));

        YearMonth month = YearMonth.of(2025, 10); // a fixed past month: Mon 06/10/2025, Sun 12/10/2025 holiday
        long resident = jdbc.sql(
                        "insert into resident (condominium_id, name, apartment) values (:c, 'Ana Souza', '101') returning id")
                .param("c", primary.id().value())
                .query(Long.class)
                .single();
        insertSession(1, "2025-10-06T17:00", "2025-10-06T18:00", 10_001, resident, "AAA"); // 5,000 peak + 5,001 off
        insertSession(2, "2025-10-31T22:00", "2025-11-01T02:00", 7_777, resident, "AAA"); // 3,889 in October
        insertSession(3, "2025-10-20T10:00", "2025-10-20T11:00", 2_500, null, "DEADBEEF"); // unidentified

        MvcResult gen = mvc.perform(as(post("/api/v1/reports/statements").param("month", "2025-10"), admin))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.energyWh").value(10_001 + 3_889 + 2_500))
                .andExpect(jsonPath("$.peakWh").value(5_000))
                .andReturn();
        // 5,000 × 1,20 = 6,00; off-peak (5,001 + 3,889 + 2,500) = 11,390 Wh × 0,70 -> 3,50 + 2,72 + 1,75
        assertThat(JsonPath.read(gen.getResponse().getContentAsString(), "$.totalCost")
                        .toString())
                .isEqualTo("13.97");

        List<Integer> ids = statementReportIds(cliente);
        assertThat(ids).hasSize(2);
        byte[] xlsx = download(cliente, ids, "XLSX");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("Carregamentos").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Ana Souza");
            assertThat(wb.getSheet("Resumo")).isNotNull();
        }
        byte[] pdf = download(cliente, ids, "PDF");
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("outubro de 2025", "Ana Souza", "DEADBEEF", "R$ 13,97");
        }

        // every generation is a new version; the earlier one and its files stay (issue #10: no longer replaced)
        mvc.perform(as(post("/api/v1/reports/statements").param("month", "2025-10"), admin))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.draft").value(true))
                .andExpect(jsonPath("$.partial").value(false));
        assertThat(statementReportIds(cliente)).hasSize(4).containsAll(ids);

        // closing prints the final version; later generations are final too
        mvc.perform(as(post("/api/v1/reports/statements/close").param("month", "2025-10"), admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.monthClosed").value(true))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.draft").value(false));
        mvc.perform(as(post("/api/v1/reports/statements").param("month", "2025-10"), admin))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(4))
                .andExpect(jsonPath("$.draft").value(false));
        assertThat(statementReportIds(cliente)).hasSize(8);
        mvc.perform(as(get("/api/v1/reports/statements").param("month", "2025-10"), cliente))
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].version").value(4));
        // a closed month's files are kept
        mvc.perform(as(delete("/api/v1/reports/" + statementReportIds(admin).getFirst()), admin))
                .andExpect(status().isConflict());
        // the other condominium sees none of it
        mvc.perform(as(get("/api/v1/reports").param("kind", "STATEMENT").param("year", "2025"), otherCliente))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(as(post("/api/v1/reports/statements").param("month", "2999-01"), admin))
                .andExpect(status().isBadRequest());
    }

    @Test
    void monthlyJobGeneratesThePreviousMonthOnceEvenWhenEmpty() throws Exception {
        YearMonth previous =
                YearMonth.from(clock.instant().atZone(Zones.SAO_PAULO)).minusMonths(1);
        int first = statements.generateMissingForPreviousMonth();
        assertThat(first).isGreaterThanOrEqualTo(2); // both condominiums, even with no sessions
        assertThat(statements.generateMissingForPreviousMonth()).isZero(); // idempotent
        assertThat(statements.of(other.id(), previous))
                .singleElement()
                .satisfies(s -> assertThat(s.energyWh()).isZero());
        MvcResult r = mvc.perform(as(
                        get("/api/v1/reports")
                                .param("kind", "STATEMENT")
                                .param("year", Integer.toString(previous.getYear()))
                                .param("month", Integer.toString(previous.getMonthValue())),
                        otherCliente))
                .andExpect(jsonPath("$.length()").value(2))
                .andReturn();
        List<Integer> ids = JsonPath.read(r.getResponse().getContentAsString(), "$[*].id");
        try (var doc = Loader.loadPDF(download(otherCliente, ids, "PDF"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Nenhum carregamento");
        }
    }

    @Test
    void pageListsReportsAndTheAdminUploadsThroughItWithCsrf() throws Exception {
        var adminUser = users.findActive(users.list().stream()
                        .filter(u -> u.email().equals("admin@vetric.test"))
                        .findFirst()
                        .orElseThrow()
                        .id())
                .orElseThrow();
        var clienteUser = users.findActive(users.list().stream()
                        .filter(u -> u.email().equals("sindico@reports.test"))
                        .findFirst()
                        .orElseThrow()
                        .id())
                .orElseThrow();
        String body = mvc.perform(multipart("/reports/upload")
                        .file(new MockMultipartFile("file", "pela-pagina.docx", null, UploadFixtures.docx()))
                        .param("title", "Ata pela página")
                        .param("year", "2026")
                        .param("month", "3")
                        .with(SecurityMockMvcRequestPostProcessors.user(adminUser))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("DOCX"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // without the CSRF token the page refuses
        mvc.perform(multipart("/reports/upload")
                        .file(new MockMultipartFile("file", "x.pdf", null, UploadFixtures.pdf(1000)))
                        .with(SecurityMockMvcRequestPostProcessors.user(adminUser)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/reports/upload")
                        .file(new MockMultipartFile("file", "x.pdf", null, UploadFixtures.exe()))
                        .param("title", "x")
                        .param("year", "2026")
                        .param("month", "3")
                        .with(SecurityMockMvcRequestPostProcessors.user(adminUser))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is(415))
                .andExpect(jsonPath("$.reason").value("EXECUTABLE"));
        String adminPage = mvc.perform(get("/reports")
                        .param("year", "2026")
                        .param("month", "3")
                        .header("Accept-Language", "pt-BR")
                        .with(SecurityMockMvcRequestPostProcessors.user(adminUser)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(adminPage).contains("Relatórios", "Ata pela página", "upload-form", "tariff-form");
        String clientePage = mvc.perform(get("/reports")
                        .param("kind", "UPLOADED")
                        .with(SecurityMockMvcRequestPostProcessors.user(clienteUser)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(clientePage).contains("Ata pela página").doesNotContain("upload-form", "tariff-form");
        // an unknown kind in a hand-edited address is a 400 page, an empty one (the form's "all") no filter
        mvc.perform(get("/reports").param("kind", "X").with(SecurityMockMvcRequestPostProcessors.user(clienteUser)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/reports").param("kind", "").with(SecurityMockMvcRequestPostProcessors.user(clienteUser)))
                .andExpect(status().isOk());
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/reports/" + id + "/download").with(SecurityMockMvcRequestPostProcessors.user(clienteUser)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
        mvc.perform(post("/reports/" + id + "/delete")
                        .with(SecurityMockMvcRequestPostProcessors.user(clienteUser))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/reports/" + id + "/delete")
                        .with(SecurityMockMvcRequestPostProcessors.user(adminUser))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/reports/" + id + "/download").with(SecurityMockMvcRequestPostProcessors.user(clienteUser)))
                .andExpect(status().isNotFound());
    }

    void insertSession(long tx, String start, String end, long wh, Long resident, String tag) {
        SessionRows.finished(jdbc, primary.id(), 900_000 + tx, start, end, wh, resident, tag);
    }

    List<Integer> statementReportIds(String token) throws Exception {
        MvcResult r = mvc.perform(as(
                        get("/api/v1/reports")
                                .param("kind", "STATEMENT")
                                .param("year", "2025")
                                .param("month", "10"),
                        token))
                .andExpect(status().isOk())
                .andReturn();
        return JsonPath.read(r.getResponse().getContentAsString(), "$[*].id");
    }

    byte[] download(String token, List<Integer> ids, String format) throws Exception {
        for (Integer id : ids) {
            String body = mvc.perform(as(get("/api/v1/reports/" + id), token))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (format.equals(JsonPath.read(body, "$.format"))) {
                return mvc.perform(as(get("/api/v1/reports/" + id + "/download"), token))
                        .andExpect(status().isOk())
                        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();
            }
        }
        throw new AssertionError("no " + format + " among " + ids);
    }

    Path storedFile(long id) throws Exception {
        String sha = JsonPath.read(
                mvc.perform(as(get("/api/v1/reports/" + id), admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.sha256");
        try (Stream<Path> files = Files.walk(STORAGE)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        try {
                            return sha.equals(java.util.HexFormat.of()
                                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                            .digest(Files.readAllBytes(p))));
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .findFirst()
                    .orElseThrow();
        }
    }
}
