package br.com.vetric.identity;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages satisfy their Content-Security-Policy (no inline script, style or handler) in a real Chromium: a
 * {@code securitypolicyviolation} listener, installed before any page script runs, records every violation while
 * each main page loads and does its work (live board, charts, htmx previews, Swagger UI).
 */
@WebTest
class ContentSecurityPolicyBrowserTest {

    static final String RECORDER = "window.__csp = [];"
            + " document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__csp.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':'"
            + " + e.lineNumber); });";

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

    String base() {
        return "http://localhost:" + port;
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    @SuppressWarnings("unchecked")
    List<String> violations() {
        return new ArrayList<>((List<String>) js().executeScript("return window.__csp || ['recorder missing'];"));
    }

    void visit(String path, Function<WebDriver, Boolean> ready) {
        WebDriver d = browser.driver();
        d.get(base() + path);
        browser.waitUpTo(Duration.ofSeconds(20))
                .until(dr -> "complete".equals(js().executeScript("return document.readyState")));
        browser.waitUpTo(Duration.ofSeconds(20)).until(ready::apply);
        assertThat(violations()).as("CSP violations on " + path).isEmpty();
    }

    @Test
    void theMainPagesLoadAndWorkWithoutAnyViolation() {
        WebFixtures.sync(simulator, condominiums, cycle);
        ((ChromeDriver) browser.driver())
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));

        visit("/login", d -> !d.findElements(By.id("login-submit")).isEmpty());
        // the recorder works and the policy bites: an injected inline script and style attribute are refused
        js().executeScript("var s = document.createElement('script'); s.textContent = 'window.__ran = true;';"
                + " document.body.appendChild(s); document.body.setAttribute('style', 'color: red');");
        browser.waitUpTo(Duration.ofSeconds(5)).until(d -> violations().size() >= 2);
        assertThat(violations()).anyMatch(v -> v.startsWith("script-src")).anyMatch(v -> v.startsWith("style-src"));
        assertThat(js().executeScript("return window.__ran === true;")).isEqualTo(false);

        browser.login(base(), ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(violations()).as("after login").isEmpty();
        visit(
                "/",
                d -> Boolean.TRUE.equals(js().executeScript("var e = document.querySelector('[sse-connect]');"
                        + " return !!(e && e['htmx-internal-data'] && e['htmx-internal-data'].sseEventSource"
                        + " && e['htmx-internal-data'].sseEventSource.readyState === 1);")));
        visit("/chargers", d -> true);
        String uuid = simulator.charger("Garagem 1").uuid();
        visit(
                "/chargers/" + uuid,
                d -> Boolean.TRUE.equals(
                        js().executeScript(
                                        "var b = document.querySelector('#timeline .progress-bar'); return !b || b.style.width !== '';")));
        visit("/sessions", d -> true);
        visit(
                "/consumption",
                d -> Boolean.TRUE.equals(
                        js().executeScript(
                                        "return !!(window.Chart && Chart.getChart('chart-apartments') && Chart.getChart('chart-days'));")));
        visit("/residents", d -> true);
        visit("/residents/new", d -> true);
        visit("/residents/import", d -> true);
        visit("/residents/unknown-tags", d -> true);
        visit("/reports", d -> true);
        visit("/notifications", d -> true);
        visit("/account", d -> true);
        visit("/admin/users", d -> true);
        visit("/admin/system", d -> true);
        visit(
                "/admin/notifications/templates",
                d -> Boolean.TRUE.equals(
                        js().executeScript(
                                        "var p = document.querySelector('[id^=preview-]'); return !!p && p.textContent.trim().length > 0;")));
        visit("/admin/notifications/settings", d -> true);
        visit("/no-such-page", d -> true);
        visit(
                "/swagger-ui/index.html",
                d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
    }
}
