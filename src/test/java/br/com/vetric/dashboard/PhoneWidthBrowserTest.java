package br.com.vetric.dashboard;

import static br.com.vetric.support.WebFixtures.ADMIN_EMAIL;
import static br.com.vetric.support.WebFixtures.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.Browser;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.SyncCycle;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages a síndico opens on a phone (390×844): nothing wider than the screen, the menu behind the toggler. */
@WebTest
class PhoneWidthBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    @Autowired
    CveProSimulator simulator;

    @BeforeEach
    void phoneWithDataOnEveryPage() {
        // an unknown, long tag: the widest card and session row
        WebFixtures.charge(simulator, condominiums, cycle, "Garagem 6", "ZZPHONE-A-LONG-UNKNOWN-TAG-06");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        // ADMIN: the residents table then has its widest form (edit/deactivate buttons)
        browser.login("http://localhost:" + port, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterEach
    void leaveTheChargerFree() {
        simulator.stop("Garagem 6", "Local");
        simulator.unplug("Garagem 6");
        WebFixtures.sync(simulator, condominiums, cycle);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/sessions",
                "/residents",
                "/consumption",
                "/chargers",
                "/chargers/6f1c2a8e-3b4d-4e5f-9a01-7c2d3e4f5a61" // Garagem 1
            })
    void pageFitsAPhoneScreenAndTheNavbarCollapsesToTheToggler(String page) {
        WebDriver d = browser.driver();
        d.get("http://localhost:" + port + page);
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        JavascriptExecutor js = (JavascriptExecutor) d;
        assertThat(((Number) js.executeScript("return window.innerWidth;")).intValue())
                .as("viewport")
                .isLessThanOrEqualTo(400);
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long innerWidth = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        assertThat(scrollWidth).as("%s has no horizontal overflow", page).isLessThanOrEqualTo(innerWidth + 1);
        assertThat(d.findElement(By.cssSelector("nav .navbar-toggler")).isDisplayed())
                .isTrue();
        assertThat(d.findElement(By.cssSelector("nav a[href='/sessions']")).isDisplayed())
                .as("menu collapsed")
                .isFalse();

        d.findElement(By.cssSelector("nav .navbar-toggler")).click();
        browser.waitUpTo(Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav a[href='/sessions']")));
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue())
                .as("%s with the menu open", page)
                .isLessThanOrEqualTo(innerWidth + 1);
    }
}
