package br.com.vetric.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) for one test class. Register with
 * {@code @RegisterExtension}; on a failed test a screenshot and the page source land in target/screenshots/.
 */
public final class Browser implements AfterTestExecutionCallback, AfterAllCallback {

    private ChromeDriver driver;
    private Path downloads;

    public WebDriver driver() {
        if (driver == null) {
            String chromium = System.getProperty("vetric.chromium", "/usr/bin/chromium");
            String chromedriver = System.getProperty("vetric.chromedriver", "/usr/bin/chromedriver");
            if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
                throw new IllegalStateException("Browser tests need headless Chromium and its driver at " + chromium
                        + " and " + chromedriver + ": apt-get install chromium chromium-driver (.ci/run does it)");
            }
            try {
                downloads = Files.createTempDirectory("vetric-downloads");
                Path profile = Files.createTempDirectory("vetric-chromium");
                ChromeOptions options = new ChromeOptions();
                options.setBinary(chromium);
                options.addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--lang=pt-BR",
                        "--window-size=1280,1000",
                        "--user-data-dir=" + profile.toAbsolutePath());
                options.setExperimentalOption(
                        "prefs",
                        Map.of(
                                "download.default_directory",
                                downloads.toAbsolutePath().toString(),
                                "download.prompt_for_download",
                                false));
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of(chromedriver).toFile())
                        .usingAnyFreePort()
                        .build();
                driver = new ChromeDriver(service, options);
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return driver;
    }

    public Path downloads() {
        driver();
        return downloads;
    }

    public WebDriverWait waitUpTo(Duration d) {
        return new WebDriverWait(driver(), d);
    }

    /** Logs in through the login page (logging out first when a session exists). */
    public void login(String baseUrl, String email, String password) {
        WebDriver d = driver();
        d.manage().deleteAllCookies();
        d.get(baseUrl + "/login");
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys(password);
        org.openqa.selenium.WebElement submit = d.findElement(By.id("login-submit"));
        submit.click();
        waitUpTo(Duration.ofSeconds(15)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(submit));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            try {
                Path dir = Path.of("target", "screenshots");
                Files.createDirectories(dir);
                String name = context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not save the screenshot: " + e);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
