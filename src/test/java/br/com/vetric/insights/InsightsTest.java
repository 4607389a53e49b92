package br.com.vetric.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.UserCommand;
import br.com.vetric.identity.Users;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.Zones;
import br.com.vetric.support.Browser;
import br.com.vetric.support.SessionRows;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The insights over a record with a known answer: a new condominium whose one apartment charged exactly 10 kWh every
 * evening since the first day of the month before last, at R$ 1,00/kWh. Any forecast of a past month must then be
 * the month's days × 10 kWh with a closed interval, and the backtest must be exact every time.
 */
@WebTest
class InsightsTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

    @Autowired
    Tariffs tariffs;

    @Autowired
    JdbcClient jdbc;

    Condominium condo;
    YearMonth last;
    String manager;

    @BeforeEach
    void aSteadyApartment() {
        String tag = Long.toString(System.nanoTime());
        condo = condominiums.create("Insights " + tag);
        long resident = residents
                .create(
                        condo.id(),
                        new ResidentCommand("Morador Constante", "101", null, null, List.of("INS" + tag), true))
                .id();
        tariffs.save(condo.id(), Tariff.flat(new BigDecimal("1.00")), null);
        LocalDate today = LocalDate.now(Zones.SAO_PAULO);
        last = YearMonth.from(today).minusMonths(1);
        long tx = Math.abs(tag.hashCode()) * 1000L;
        for (LocalDate d = last.minusMonths(1).atDay(1); d.isBefore(today); d = d.plusDays(1)) {
            SessionRows.finished(jdbc, condo.id(), tx++, d + "T20:00", d + "T22:00", 10_000, resident, "INS" + tag);
        }
        manager = "sindico-" + tag + "@vetric.test";
        users.create(new UserCommand(
                manager, "Síndico Insights", "CLIENTE", List.of(condo.id().value()), true, "insights-password-1"));
    }

    RequestPostProcessor admin() {
        RequestPostProcessor as = WebFixtures.as(users, WebFixtures.ADMIN_EMAIL, WebFixtures.ADMIN_PASSWORD);
        return request -> {
            request.addHeader(
                    CurrentCondominium.HEADER, Long.toString(condo.id().value()));
            return as.postProcessRequest(request);
        };
    }

    @Test
    void aForecastMadeMidMonthOfASteadyApartmentIsTheMonthsDaysTimesItsDay() throws Exception {
        String whole = last.lengthOfMonth() * 10 + ".000";
        mvc.perform(get("/api/v1/insights/forecast")
                        .param("month", last.toString())
                        .param("asOf", last.atDay(14).toString())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value(last.toString()))
                .andExpect(jsonPath("$.asOf").value(last.atDay(14).toString()))
                .andExpect(jsonPath("$.zone").value("America/Sao_Paulo"))
                .andExpect(jsonPath("$.condominium.kWhToDate").value(140.0))
                .andExpect(content().string(containsString("\"kWhForecast\":" + whole)))
                .andExpect(content().string(containsString("\"low\":" + whole)))
                .andExpect(content().string(containsString("\"high\":" + whole)))
                .andExpect(content().string(containsString("\"costForecast\":" + last.lengthOfMonth() * 10 + ".00")))
                .andExpect(jsonPath("$.apartments.length()").value(1))
                .andExpect(jsonPath("$.apartments[0].apartment").value("101"))
                .andExpect(jsonPath("$.apartments[0].kWhToDate").value(140.0));
    }

    @Test
    void theForecastRefusesADayAfterTodayAndABadMonthNamingTheField() throws Exception {
        LocalDate tomorrow = LocalDate.now(Zones.SAO_PAULO).plusDays(2);
        mvc.perform(get("/api/v1/insights/forecast")
                        .param("asOf", tomorrow.toString())
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("asOf")));
        mvc.perform(get("/api/v1/insights/forecast").param("month", "2026-13").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("month")));
    }

    @Test
    void theBacktestOfASteadyRecordIsExactAndItsIntervalsHoldTheTruth() throws Exception {
        mvc.perform(get("/api/v1/insights/backtest").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.months").value(2))
                .andExpect(jsonPath("$.forecasts.length()").value(6))
                .andExpect(jsonPath("$.condominium[0].madeOnDay").value(7))
                .andExpect(jsonPath("$.condominium[0].mape").value(0.0))
                .andExpect(jsonPath("$.condominium[0].coverage").value(1.0))
                .andExpect(jsonPath("$.apartments[2].coverage").value(1.0));
    }

    @Test
    void theInsightsPdfCarriesTheForecastTheRankingAndTheBacktest() throws Exception {
        byte[] pdf = mvc.perform(
                        get("/insights.pdf").param("month", last.toString()).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Indicadores de")
                    .contains("Previsão para o mês: " + last.lengthOfMonth() * 10 + ",00 kWh")
                    .contains("Modelo:")
                    .contains("101")
                    .contains("Como a previsão se saiu");
        }
    }

    @Test
    void theSindicoSeesTheForecastTheChartTheHeatmapAndHowTheForecastDidInPortuguese() {
        WebDriver d = browser.driver();
        d.manage().window().setSize(new Dimension(1366, 900));
        String base = "http://localhost:" + port;
        browser.login(base, manager, "insights-password-1");
        d.findElement(By.id("nav-insights")).click();
        browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("forecast")));
        d.get(base + "/insights?month=" + last);
        browser.waitUpTo(Duration.ofSeconds(15)).until(x -> (Boolean) ((JavascriptExecutor) x)
                .executeScript("return typeof Chart !== 'undefined'"
                        + " && Chart.getChart(document.getElementById('chart-forecast')) !== undefined"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Indicadores");
        String kwh = String.format("%d,00 kWh", last.lengthOfMonth() * 10);
        assertThat(d.findElement(By.id("kwh-forecast")).getText()).isEqualTo(kwh);
        assertThat(d.findElement(By.id("cost-forecast")).getText())
                .isEqualTo(String.format("R$ %d,00", last.lengthOfMonth() * 10));
        assertThat(d.findElement(By.id("model")).getText()).startsWith("Modelo:");
        assertThat(d.findElements(By.cssSelector("#heatmap tbody tr"))).hasSize(7);
        // every evening 20:00–22:00 is charging on the one connector
        assertThat(d.findElements(By.cssSelector("#heatmap td.heat-charging-5")))
                .isNotEmpty();
        assertThat(d.findElements(By.cssSelector(".backtest-row"))).hasSize(6);
        assertThat(d.findElements(By.cssSelector(".trust-row")).getFirst().getText())
                .contains("dia 7")
                .contains("0%");
        assertThat(d.findElement(By.id("ranking")).getText()).contains("101");
        assertThat(d.findElement(By.id("unusual-none")).getText()).isEqualTo("Nada fora do usual neste mês.");
    }
}
