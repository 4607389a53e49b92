package br.com.vetric.identity;

import static br.com.vetric.support.WebFixtures.ADMIN_EMAIL;
import static br.com.vetric.support.WebFixtures.ADMIN_PASSWORD;
import static br.com.vetric.support.WebFixtures.CLIENTE_EMAIL;
import static br.com.vetric.support.WebFixtures.CLIENTE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.support.Browser;
import br.com.vetric.support.WebTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Swagger UI (springdoc.swagger-ui.path) in a real browser: the ADMIN reads the API, a CLIENTE is refused. */
@WebTest
class ApiDocsBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void adminOpensSwaggerUiAndSeesTheVetricOperations() {
        browser.login(base(), ADMIN_EMAIL, ADMIN_PASSWORD);
        WebDriver d = browser.driver();
        d.get(base() + "/swagger-ui.html");
        browser.waitUpTo(Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".opblock-summary-path[data-path='/api/v1/sessions']")));
        List<String> paths = d.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(e -> e.getAttribute("data-path"))
                .toList();
        assertThat(paths).contains("/api/v1/sessions", "/api/v1/chargers", "/api/v1/residents", "/api/v1/consumption");
        WebElement get =
                d.findElement(By.cssSelector(".opblock-get .opblock-summary-path[data-path='/api/v1/sessions']"));
        assertThat(get.isDisplayed()).isTrue();
    }

    @Test
    void clienteIsRefusedTheSwaggerUiAndTheApiDocs() {
        browser.login(base(), CLIENTE_EMAIL, CLIENTE_PASSWORD);
        WebDriver d = browser.driver();
        d.get(base() + "/swagger-ui.html");
        assertThat(d.findElement(By.id("error-title")).getText()).isEqualTo("Acesso negado");
        assertThat(d.getPageSource()).doesNotContain("/api/v1/sessions").doesNotContain("swagger-ui-bundle");
        for (String path : new String[] {
            "/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs", "/v3/api-docs/swagger-config"
        }) {
            // the status the browser gets with the CLIENTE's session cookie
            Object status = ((JavascriptExecutor) d)
                    .executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                                    + " fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                                    + ".then(function (r) { done(r.status); }, function (e) { done('' + e); });",
                            path);
            assertThat(status).as(path).isEqualTo(403L);
        }
    }
}
