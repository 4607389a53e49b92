package br.com.vetric.reports;

import static br.com.vetric.support.WebFixtures.ADMIN_EMAIL;
import static br.com.vetric.support.WebFixtures.ADMIN_PASSWORD;
import static br.com.vetric.support.WebFixtures.CLIENTE_EMAIL;
import static br.com.vetric.support.WebFixtures.CLIENTE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.Browser;
import br.com.vetric.support.WebTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "Relatórios" page in a real headless Chromium: the ADMIN's upload form (XHR with progress, CSRF header from
 * the page) accepts a PDF and lists it, refuses a renamed executable and an .xls with macros with the pt-BR message
 * and stores nothing; a CLIENTE sees the list and downloads, without upload or delete.
 */
@WebTest
class ReportsBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Documents documents;

    @Autowired
    Condominiums condominiums;

    @TempDir
    Path files;

    private final List<Long> created = new ArrayList<>();

    String base() {
        return "http://localhost:" + port;
    }

    CondominiumId condo() {
        return condominiums.primary().id();
    }

    @AfterEach
    void deleteWhatTheTestStored() {
        created.forEach(id -> documents.delete(condo(), id)); // also removes the files from the storage folder
    }

    @Test
    void adminUploadsAPdfThroughTheFormAndSeesItInTheListWithoutErrors() throws Exception {
        String title = "Ata pelo navegador " + System.nanoTime();
        Path pdf = file("ata-assembleia.pdf", UploadFixtures.pdf(200_000));
        browser.login(base(), ADMIN_EMAIL, ADMIN_PASSWORD);
        WebDriver d = openReports();

        fillUploadForm(d, pdf, title, 3, 2026);
        submitUpload(d);

        // the page shows the success message and reloads with the new report in the list
        By row = By.xpath("//div[@id='reports-list']/div[@data-report-id][.//div[normalize-space()='" + title + "']]");
        browser.waitUpTo(Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(row));
        WebElement listed = d.findElement(row);
        assertThat(listed.getText()).contains("03/2026", "Enviado", "PDF");
        assertThat(listed.findElements(By.cssSelector("a[href$='/download']"))).hasSize(1);
        assertThat(d.findElements(By.cssSelector(".alert-danger")).stream().filter(WebElement::isDisplayed))
                .isEmpty();

        Report stored = documents.list(condo(), 2026, 3, Report.Kind.UPLOADED, true).stream()
                .filter(r -> r.title().equals(title))
                .findFirst()
                .orElseThrow();
        created.add(stored.id());
        assertThat(stored.format()).isEqualTo(ReportFormat.PDF);
        assertThat(stored.originalName()).isEqualTo("ata-assembleia.pdf");
        assertThat(stored.sizeBytes()).isEqualTo(200_000);
        assertThat(stored.visibility()).isEqualTo(Report.Visibility.CONDOMINIUM);
        assertThat(listed.getAttribute("data-report-id")).isEqualTo(Long.toString(stored.id()));
    }

    @Test
    void renamedExecutableAndXlsWithMacrosShowTheClearMessageAndAddNothing() throws Exception {
        int before = documents.list(condo(), null, null, null, true).size();
        browser.login(base(), ADMIN_EMAIL, ADMIN_PASSWORD);

        String exeTitle = "Executável disfarçado " + System.nanoTime();
        WebDriver d = openReports();
        ((JavascriptExecutor) d).executeScript("window.__noReload = 'still-here';");
        fillUploadForm(d, file("relatorio.pdf", UploadFixtures.exe()), exeTitle, 4, 2026);
        submitUpload(d);
        assertThat(refusal(d)).isEqualTo("O arquivo é um programa executável e foi recusado.");
        assertThat(((JavascriptExecutor) d).executeScript("return window.__noReload;"))
                .isEqualTo("still-here");
        assertThat(d.findElement(By.id("upload-submit")).isEnabled())
                .as("the form can be used again")
                .isTrue();

        String macroTitle = "Planilha com macro " + System.nanoTime();
        d = openReports();
        fillUploadForm(d, file("planilha.xls", UploadFixtures.xlsWithVba()), macroTitle, 4, 2026);
        submitUpload(d);
        assertThat(refusal(d)).isEqualTo("Arquivos do Office com macros (.xlsm, .docm ou VBA) não são aceitos.");

        assertThat(documents.list(condo(), null, null, null, true)).hasSize(before);
        d = openReports();
        assertThat(d.findElement(By.id("documents")).getText()).doesNotContain(exeTitle, macroTitle);
    }

    @Test
    void aFieldTheServerRefusesIsNamedInPortugueseAsTheFormShowsIt() throws Exception {
        int before = documents.list(condo(), null, null, null, true).size();
        browser.login(base(), ADMIN_EMAIL, ADMIN_PASSWORD);
        WebDriver d = openReports();
        fillUploadForm(d, file("ata.pdf", UploadFixtures.pdf(2_000)), "", 4, 2026);
        // a title of spaces passes the browser's own check ("required"); the server refuses it
        d.findElement(By.id("u-title")).sendKeys("   ");
        submitUpload(d);
        assertThat(refusal(d)).isEqualTo("Informe o título do relatório (até 200 caracteres).");
        assertThat(documents.list(condo(), null, null, null, true)).hasSize(before);
    }

    @Test
    void clienteSeesTheListAndDownloadsButHasNoUploadFormAndNoDeleteButtons() throws Exception {
        String title = "Ata para o síndico " + System.nanoTime();
        byte[] bytes = UploadFixtures.pdf(12_345);
        Report report = documents.upload(
                condo(),
                new UploadCommand(
                        title, "Assembleia ordinária", 2026, 2, Report.Visibility.CONDOMINIUM, "ata-sindico.pdf"),
                bytes,
                null);
        created.add(report.id());

        browser.login(base(), CLIENTE_EMAIL, CLIENTE_PASSWORD);
        WebDriver d = openReports();
        WebElement row = d.findElement(By.cssSelector("#documents [data-report-id='" + report.id() + "']"));
        assertThat(row.getText()).contains(title, "02/2026", "PDF");
        WebElement download = row.findElement(By.cssSelector("a[href$='/reports/" + report.id() + "/download']"));
        assertThat(download.getText()).contains("Baixar");

        assertThat(d.findElements(By.id("upload-form"))).isEmpty();
        assertThat(d.findElements(By.id("u-file"))).isEmpty();
        assertThat(d.findElements(By.cssSelector("form[action*='/delete']"))).isEmpty();
        assertThat(d.findElements(By.cssSelector("#documents .btn-outline-danger")))
                .isEmpty();
        assertThat(d.findElement(By.id("documents")).getText()).doesNotContain("Excluir");
        assertThat(d.findElements(By.id("tariff-form"))).isEmpty();
        assertThat(d.findElements(By.id("statement-form"))).isEmpty();

        download.click();
        Path downloaded = browser.downloads().resolve("ata-sindico.pdf");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.isRegularFile(downloaded) && noPartialDownloads());
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(bytes);
    }

    private WebDriver openReports() {
        WebDriver d = browser.driver();
        d.get(base() + "/reports");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Relatórios"));
        return d;
    }

    private void fillUploadForm(WebDriver d, Path file, String title, int month, int year) {
        d.findElement(By.id("u-file")).sendKeys(file.toAbsolutePath().toString());
        d.findElement(By.id("u-title")).sendKeys(title);
        new Select(d.findElement(By.id("u-month"))).selectByValue(Integer.toString(month));
        WebElement y = d.findElement(By.id("u-year"));
        y.clear();
        y.sendKeys(Integer.toString(year));
    }

    /**
     * Clicks "Enviar", scrolled to the middle of the window first (the form is below the lists); at once, not with
     * Bootstrap's smooth scrolling, which a click during the animation can miss.
     */
    private static void submitUpload(WebDriver d) {
        WebElement submit = d.findElement(By.id("upload-submit"));
        ((JavascriptExecutor) d)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        submit.click();
    }

    /** Waits for the upload's error alert and returns its text. */
    private String refusal(WebDriver d) {
        By result = By.id("upload-result");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.attributeContains(result, "class", "alert-danger"));
        WebElement alert = d.findElement(result);
        assertThat(alert.isDisplayed()).isTrue();
        return alert.getText();
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path dir = Files.createTempDirectory(files, "upload");
        return Files.write(dir.resolve(name), bytes);
    }

    private static boolean noPartialDownloads() throws Exception {
        try (Stream<Path> s = Files.list(browser.downloads())) {
            return s.noneMatch(p -> p.toString().endsWith(".crdownload"));
        }
    }
}
