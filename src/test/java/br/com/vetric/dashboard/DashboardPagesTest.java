package br.com.vetric.dashboard;

import static br.com.vetric.support.WebFixtures.admin;
import static br.com.vetric.support.WebFixtures.cliente;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.Zones;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.SyncCycle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebTest
class DashboardPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    @Autowired
    CveProSimulator simulator;

    @BeforeEach
    void chargersKnown() {
        WebFixtures.sync(simulator, condominiums, cycle);
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        for (String page : new String[] {
            "/", "/chargers", "/sessions", "/consumption", "/residents", "/account", "/admin/system", "/admin/users"
        }) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"email\"")));
    }

    @Test
    void whateverLanguageIsAskedForThePagesAreInPortugueseOrEnglishAndTheCookieSaysWhich() throws Exception {
        for (String lang : new String[] {"fr", "xx-YY", "zh-Hant-TW", "pt", "es-AR"}) {
            mvc.perform(get("/login").param("lang", lang))
                    .andExpect(status().isOk())
                    .andExpect(cookie().value("vetric-lang", "pt-BR"))
                    .andExpect(content().string(containsString("Entrar")));
        }
        for (String lang : new String[] {"en", "en-US", "en-GB"}) {
            mvc.perform(get("/login").param("lang", lang))
                    .andExpect(status().isOk())
                    .andExpect(cookie().value("vetric-lang", "en"))
                    .andExpect(content().string(containsString("Sign in")));
        }
        // a forged cookie is read as the nearest supported language
        mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("vetric-lang", "de-DE")))
                .andExpect(content().string(containsString("Entrar")));
        mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("vetric-lang", "en-AU")))
                .andExpect(content().string(containsString("Sign in")));
    }

    @Test
    void boardShowsCountersAndOneCardPerCharger() throws Exception {
        mvc.perform(get("/").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Central de Monitoramento")))
                .andExpect(content().string(containsString("Disponíveis")))
                .andExpect(content().string(containsString("Carregando")))
                .andExpect(content().string(containsString("Garagem 1")))
                .andExpect(content().string(containsString("sse-connect=\"/board/stream\"")));
        mvc.perform(get("/board/live").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("charger-card")))
                .andExpect(content().string(not(containsString("<nav"))));
    }

    @Test
    void boardNamesTheResidentOrShowsTheUnknownTag() throws Exception {
        WebFixtures.charge(simulator, condominiums, cycle, "Garagem 5", "ZZUNKNOWN05");
        mvc.perform(get("/").with(admin(users)))
                .andExpect(content().string(containsString("não identificado")))
                .andExpect(content().string(containsString("ZZUNKNOWN05")));
        simulator.stop("Garagem 5", "Local");
        simulator.unplug("Garagem 5");
        WebFixtures.sync(simulator, condominiums, cycle);
    }

    @Test
    void chargerPageShowsTimelineErrorsAndSessions() throws Exception {
        String uuid = "6f1c2a8e-3b4d-4e5f-9a01-7c2d3e4f5a61"; // Garagem 1
        mvc.perform(get("/chargers").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/chargers/" + uuid)));
        mvc.perform(get("/chargers/" + uuid + "?range=7d").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"timeline\"")))
                .andExpect(content().string(containsString("Falhas no período")));
        mvc.perform(get("/chargers/no-such-charger").with(cliente(users))).andExpect(status().isNotFound());
    }

    @Test
    void sessionsPageFiltersAndExportsCsvAndXlsxInPortuguese() throws Exception {
        WebFixtures.charge(simulator, condominiums, cycle, "Garagem 6", "ZZEXPORT06");
        simulator.stop("Garagem 6", "Local");
        simulator.unplug("Garagem 6");
        WebFixtures.sync(simulator, condominiums, cycle);

        mvc.perform(get("/sessions?unidentified=true").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ZZEXPORT06")));

        MvcResult csv = mvc.perform(
                        get("/sessions/export.csv?unidentified=true").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFID;Carregador;");
        assertThat(text)
                .contains("ZZEXPORT06")
                .containsPattern(";\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2};")
                .containsPattern(";\\d+,\\d{2};");

        MvcResult xlsx = mvc.perform(
                        get("/sessions/export.xlsx?unidentified=true").with(cliente(users)))
                .andExpect(status().isOk())
                .andReturn();
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Carregador");
            boolean found = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                found |= "ZZEXPORT06".equals(sheet.getRow(i).getCell(5).getStringCellValue());
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void consumptionPageAndJsonShowTheMonth() throws Exception {
        mvc.perform(get("/consumption").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("chart-apartments")))
                .andExpect(content().string(containsString("proporcionalmente ao tempo")));
        mvc.perform(get("/consumption?month=2026-01").with(cliente(users))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/consumption?month=2026-01").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2026-01"))
                .andExpect(jsonPath("$.days.length()").value(31))
                .andExpect(jsonPath("$.attribution").value("charging-time-else-duration"));
        LocalDate today = LocalDate.now(Zones.SAO_PAULO);
        mvc.perform(get("/api/v1/consumption").with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value(YearMonth.from(today).toString()))
                .andExpect(jsonPath("$.days.length()").value(today.getDayOfMonth()))
                .andExpect(jsonPath("$.days[-1:].date").value(contains(today.toString())));
        mvc.perform(get("/api/v1/consumption?month=" + YearMonth.from(today).plusMonths(1))
                        .with(cliente(users)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days.length()").value(0));
        mvc.perform(get("/api/v1/consumption?month=janeiro").with(cliente(users)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/consumption")).andExpect(status().isUnauthorized());
    }

    @Test
    void clienteReachesItsPagesButNotTheAdminOnes() throws Exception {
        for (String page : new String[] {"/", "/chargers", "/sessions", "/consumption", "/residents", "/account"}) {
            mvc.perform(get(page).with(cliente(users))).andExpect(status().isOk());
        }
        for (String page : new String[] {
            "/admin/system",
            "/admin/users",
            "/residents/new",
            "/residents/import",
            "/residents/unknown-tags",
            "/swagger-ui/index.html",
            "/v3/api-docs"
        }) {
            mvc.perform(get(page).with(cliente(users))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/").with(cliente(users)))
                .andExpect(content().string(not(containsString("/admin/system"))))
                .andExpect(content().string(not(containsString("/admin/users"))));
    }

    @Test
    void adminReachesEveryPage() throws Exception {
        for (String page : new String[] {
            "/",
            "/chargers",
            "/sessions",
            "/consumption",
            "/residents",
            "/account",
            "/admin/system",
            "/admin/users",
            "/residents/new",
            "/residents/import",
            "/residents/unknown-tags"
        }) {
            mvc.perform(get(page).with(admin(users))).andExpect(status().isOk());
        }
        mvc.perform(get("/admin/system").with(admin(users)))
                .andExpect(content().string(containsString("Ciclos de sincronização")))
                .andExpect(content().string(containsString("id=\"cycles\"")));
        mvc.perform(get("/v3/api-docs").with(admin(users)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/consumption")));
    }
}
