package br.com.vetric.residentapp;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.Browser;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.sync.SyncCycle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** The residents' app in a real headless Chromium the size of a phone (390×844). */
class ResidentAppBrowserTest extends ResidentAppSupport {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    CveProSimulator simulator;

    @Autowired
    SyncCycle cycle;

    @Test
    void aResidentSignsInWithTheWhatsAppCodeAndFollowsTheirChargeLive() {
        String phone = newPhone();
        String tag = "APP" + Long.toString(System.nanoTime(), 36).toUpperCase();
        residents.create(
                primary(),
                new br.com.vetric.residents.ResidentCommand("Lívia do App", "702", null, phone, List.of(tag), true));
        residents.create(
                primary(),
                new br.com.vetric.residents.ResidentCommand(
                        "Vizinho do App", "703", null, newPhone(), List.of(), true));
        WebDriver d = browser.driver();
        d.manage().window().setSize(new Dimension(390, 844));
        d.manage().deleteAllCookies();
        String base = "http://localhost:" + port;

        d.get(base + "/app");
        assertThat(d.getCurrentUrl()).endsWith("/app/entrar");
        d.findElement(By.id("phone")).sendKeys(phone);
        d.findElement(By.id("send-code")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        d.findElement(By.id("code")).sendKeys(codeSentTo(phone, 1));
        d.findElement(By.id("enter")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("no-session")));
        assertThat(d.findElement(By.tagName("header")).getText()).contains("Lívia do App");

        // the charge starts and changes state while the page stays loaded
        ((JavascriptExecutor) d).executeScript("window.stillTheSamePage = true;");
        WebFixtures.sync(simulator, condominiums, cycle); // the app's stream is open before anything happens
        simulator.plugIn("Garagem 5", tag);
        simulator.startCharging("Garagem 5");
        awaitState(d, "Carregando");
        simulator.suspend("Garagem 5");
        awaitState(d, "Ocioso");
        assertThat(((JavascriptExecutor) d).executeScript("return window.stillTheSamePage === true;"))
                .as("updated without a reload")
                .isEqualTo(true);
        simulator.stop("Garagem 5", "EVDisconnected");
        simulator.unplug("Garagem 5");
        browser.waitUpTo(Duration.ofSeconds(20)).until(x -> {
            WebFixtures.sync(simulator, condominiums, cycle);
            return !x.findElements(By.id("no-session")).isEmpty();
        });

        d.findElement(By.id("tab-history")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
        assertThat(d.findElement(By.id("history")).getText()).contains("Garagem 5");

        d.findElement(By.id("tab-month")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("month-energy")));
        assertThat(d.findElement(By.id("month-energy")).getText()).endsWith("kWh");
        assertThat(d.findElements(By.id("chart-days"))).hasSize(1);

        d.findElement(By.id("tab-preferences")).click();
        ((JavascriptExecutor) d)
                .executeScript("document.getElementById('quiet-from').value = '22:00';"
                        + "document.getElementById('quiet-to').value = '07:00';"
                        + "document.getElementById('save-preferences').scrollIntoView();");
        d.findElement(By.id("save-preferences")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .withMessage(() -> d.findElement(By.tagName("main")).getText())
                .until(ExpectedConditions.presenceOfElementLocated(By.id("preferences-saved")));
        assertThat(d.findElement(By.id("quiet-from")).getAttribute("value")).isEqualTo("22:00");

        // a manager's pages are not the resident's
        d.get(base + "/residents");
        assertThat(d.getPageSource()).doesNotContain("Vizinho do App");

        d.get(base + "/app/offline.html");
        assertThat(d.findElement(By.id("offline")).getText()).isEqualTo("Você está sem conexão");
    }

    private void awaitState(WebDriver d, String state) {
        browser.waitUpTo(Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(x -> {
                    WebFixtures.sync(simulator, condominiums, cycle);
                    return x.findElements(By.id("current-state")).stream()
                            .anyMatch(e -> e.getText().equals(state));
                });
    }
}
