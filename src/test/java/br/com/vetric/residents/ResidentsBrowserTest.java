package br.com.vetric.residents;

import static br.com.vetric.support.WebFixtures.ADMIN_EMAIL;
import static br.com.vetric.support.WebFixtures.ADMIN_PASSWORD;
import static br.com.vetric.support.WebFixtures.CLIENTE_EMAIL;
import static br.com.vetric.support.WebFixtures.CLIENTE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.Browser;
import br.com.vetric.support.WebTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The síndico's everyday in a real Chromium: adding a resident as typed, the history, and the operator's switch. */
@WebTest
class ResidentsBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @AfterEach
    void backToTheDefault() {
        condominiums.setResidentsEditableByManager(condominiums.primary().id(), true);
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void theSindicoAddsAResidentAsTypedSeesItInTheHistoryAndLosesTheButtonsWhenTheOperatorSaysSo() {
        browser.login(base(), CLIENTE_EMAIL, CLIENTE_PASSWORD);
        WebDriver d = browser.driver();
        d.get(base() + "/residents");
        click(d, By.id("new-resident"));
        d.findElement(By.id("name")).sendKeys("Xavier Navegador");
        d.findElement(By.id("apartment")).sendKeys("Apto 0841 b");
        click(d, By.id("save-resident"));
        assertThat(d.findElement(By.id("flash")).getText()).contains("Xavier Navegador (841 · Torre B)");
        assertThat(d.findElement(By.cssSelector("tr[data-resident='Xavier Navegador']"))
                        .getText())
                .contains("841 · Torre B");

        click(d, By.id("audit-link"));
        WebElement entry = d.findElement(By.cssSelector("#resident-audit tbody tr"));
        assertThat(entry.getText())
                .contains("Síndico Demo", CLIENTE_EMAIL, "Cadastro", "Xavier Navegador")
                .contains("cadastrado na unidade 841 · Torre B");

        browser.login(base(), ADMIN_EMAIL, ADMIN_PASSWORD);
        d.get(base() + "/residents");
        WebElement allowed = d.findElement(By.id("managersMayChange"));
        assertThat(allowed.isSelected()).isTrue();
        allowed.click();
        click(d, By.id("save-permission"));
        assertThat(d.findElement(By.id("flash")).getText()).contains("não pode mais alterar");
        assertThat(d.findElement(By.id("managersMayChange")).isSelected()).isFalse();

        browser.login(base(), CLIENTE_EMAIL, CLIENTE_PASSWORD);
        d.get(base() + "/residents");
        assertThat(d.findElements(By.id("new-resident"))).isEmpty();
        assertThat(d.findElements(By.id("import-link"))).isEmpty();
        assertThat(d.findElement(By.id("read-only-note")).getText()).contains("Somente leitura");
        d.get(base() + "/residents/new");
        assertThat(d.findElement(By.id("not-allowed")).getText()).contains("não permite que o síndico");
    }

    private static void click(WebDriver d, By by) {
        WebElement e = d.findElement(by);
        e.click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(e));
    }
}
