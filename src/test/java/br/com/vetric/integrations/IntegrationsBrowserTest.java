package br.com.vetric.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The síndico's (here the ADMIN's) integrations page in a real Chromium: a key shown once, a webhook added, a test
 * event delivered to a real receiver and shown as "entregue" in the log, then replayed with the same webhook-id.
 */
@IntegrationsTest
class IntegrationsBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aManagerCreatesAKeyAndAWebhookSendsATestEventAndReplaysIt() {
        String base = "http://localhost:" + port;
        browser.login(base, "admin@vetric.test", "admin-test-password");
        WebDriver d = browser.driver();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            click(d, By.id("nav-integrations"));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Integrações");

            d.findElement(By.id("key-name")).sendKeys("ERP da administradora");
            click(d, By.id("scope-sessions:read"));
            click(d, By.id("create-key"));
            assertThat(d.findElement(By.id("new-key")).getText()).startsWith("vtr_live_");
            assertThat(d.findElement(By.id("api-keys")).getText()).contains("ERP da administradora", "sessions:read");

            d.findElement(By.id("webhook-url")).sendKeys(receiver.url());
            click(d, By.id("event-charger.offline"));
            click(d, By.id("create-webhook"));
            assertThat(d.findElement(By.id("new-secret")).getText()).startsWith("whsec_");
            click(d, By.linkText(receiver.url()));

            click(d, By.id("send-test"));
            assertThat(d.findElement(By.id("test-queued")).getText()).contains("Evento de teste");
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector("#deliveries tr[data-status='DELIVERED']"))
                        .isEmpty();
            });
            assertThat(d.findElement(By.id("deliveries")).getText()).contains("webhook.test", "entregue", "HTTP 204");
            assertThat(receiver.received).hasSize(1);

            click(d, By.cssSelector("#deliveries button.replay"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() == 2);
            assertThat(receiver.received.get(1).id())
                    .isEqualTo(receiver.received.get(0).id());
        }
    }

    /** Clicks an element once it is scrolled to the middle of the window (nothing sticky over it). */
    static void click(WebDriver d, By by) {
        org.openqa.selenium.WebElement e = d.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }
}
