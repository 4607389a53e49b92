package br.com.vetric.reports;

import static br.com.vetric.support.WebFixtures.CLIENTE_EMAIL;
import static br.com.vetric.support.WebFixtures.CLIENTE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import br.com.vetric.support.Browser;
import br.com.vetric.support.WebTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The síndico (CLIENTE) on a phone (390×844, headless Chromium): the Relatórios page shows the month's statement as a
 * card whose download is on screen without scrolling sideways, the tariff in force read-only, and the PDF downloads.
 */
@WebTest
class StatementOnPhoneBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Statements statements;

    @Autowired
    Clock clock;

    @Test
    void clienteSeesTheStatementDownloadOnAPhoneWithoutScrollingSideways() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        YearMonth previous =
                YearMonth.from(clock.instant().atZone(Zones.SAO_PAULO)).minusMonths(1);
        Statement statement = statements.generate(condo, previous, null);

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.login("http://localhost:" + port, CLIENTE_EMAIL, CLIENTE_PASSWORD);
        WebDriver d = browser.driver();
        d.get("http://localhost:" + port + "/reports");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Relatórios"));
        JavascriptExecutor js = (JavascriptExecutor) d;
        long innerWidth = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        assertThat(innerWidth).as("viewport").isLessThanOrEqualTo(400);
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue())
                .as("no horizontal overflow")
                .isLessThanOrEqualTo(innerWidth + 1);

        WebElement card = d.findElement(By.cssSelector(".statement-month[data-statement-id='" + statement.id() + "']"));
        assertThat(card.getText()).contains("Versão " + statement.version() + " · gerada em", "RASCUNHO");
        WebElement download = card.findElement(By.cssSelector("a.statement-download"));
        assertThat(download.isDisplayed()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Number> rect = (Map<String, Number>) js.executeScript(
                "var r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right};", download);
        assertThat(rect.get("left").doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(rect.get("right").doubleValue())
                .as("the download button is within the screen's width")
                .isLessThanOrEqualTo(innerWidth);
        assertThat(card.findElement(By.cssSelector("a.statement-units")).isDisplayed())
                .isTrue();

        // the tariff in force, read-only: no form
        assertThat(d.findElement(By.id("tariff-current")).getText()).contains("Horária", "R$ 1,25/kWh", "R$ 0,78/kWh");
        assertThat(d.findElements(By.id("tariff-form"))).isEmpty();

        js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", download);
        download.click();
        String name = String.format(
                "extrato-%04d-%02d-v%d.pdf", previous.getYear(), previous.getMonthValue(), statement.version());
        Path pdf = browser.downloads().resolve(name);
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.isRegularFile(pdf) && noPartialDownloads());
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    private static boolean noPartialDownloads() throws Exception {
        try (Stream<Path> s = Files.list(browser.downloads())) {
            return s.noneMatch(p -> p.toString().endsWith(".crdownload"));
        }
    }
}
