package br.com.vetric.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.Browser;
import br.com.vetric.support.HttpFrom;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Which condominium a request acts on, over real HTTP with a real PostgreSQL and in a real Chromium: a CLIENTE of one
 * condominium uses the API as before; an ADMIN or a CLIENTE of several names one with {@code Vetric-Condominium}; a
 * condominium the caller may not see is a 404; the pages' selector switches and remembers; a deactivated
 * condominium's CLIENTE cannot log in and is told why. Each test makes its own condominiums A, B and C, each with one
 * resident whose name says where they live. Shares the API tests' context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class CondominiumScopingTest {

    static final String HEADER = CurrentCondominium.HEADER;

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

    @Autowired
    Users users;

    final Map<String, String> passwords = new java.util.HashMap<>();
    HttpFrom http;
    String admin;
    String tag;
    Condominium a;
    Condominium b;
    Condominium c;
    long residentOfB;
    String clienteOfA;
    String clienteOfAB;
    String clienteOfC;

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        admin = token("admin@vetric.test", "admin-test-password");
        tag = Long.toString(System.nanoTime());
        a = condominiums.create("Alfa " + tag);
        b = condominiums.create("Beta " + tag);
        c = condominiums.create("Gama " + tag);
        residents.create(a.id(), resident("Morador Alfa " + tag));
        residentOfB = residents.create(b.id(), resident("Morador Beta " + tag)).id();
        residents.create(c.id(), resident("Morador Gama " + tag));
        clienteOfA = cliente("alfa", a);
        clienteOfAB = cliente("alfa-beta", a, b);
        clienteOfC = cliente("gama", c);
    }

    static ResidentCommand resident(String name) {
        return new ResidentCommand(name, "101", null, null, List.of(), true);
    }

    String cliente(String who, Condominium... of) {
        String email = who + "-" + tag + "@vetric.test";
        passwords.put(email, "senha-" + who + "-1");
        users.create(new UserCommand(
                email,
                "Síndico " + who,
                "CLIENTE",
                java.util.Arrays.stream(of).map(x -> x.id().value()).toList(),
                true,
                "senha-" + who + "-1"));
        return email;
    }

    String password(String email) {
        return passwords.get(email);
    }

    String token(String email, String password) {
        HttpResponse<String> r = http.apiLogin(email, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonPath.read(r.body(), "$.token");
    }

    String tokenOf(String email) {
        return token(email, password(email));
    }

    HttpResponse<String> get(String path, String token, String... condominium) {
        return condominium.length == 0
                ? http.get(path, "Authorization", "Bearer " + token)
                : http.get(path, "Authorization", "Bearer " + token, HEADER, condominium[0]);
    }

    List<String> residentNames(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonPath.read(r.body(), "$.content[*].name");
    }

    static String id(Condominium c) {
        return Long.toString(c.id().value());
    }

    void assertHeaderNamed(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        if (status == 400) {
            assertThat((String) JsonPath.read(r.body(), "$.errors[0].field")).isEqualTo(HEADER);
        }
    }

    @Test
    void aClienteOfOneCondominiumUsesEveryEndpointWithoutTheHeaderAndGets404ForAnotherWithIt() {
        String token = tokenOf(clienteOfA);
        assertThat(residentNames(get("/api/v1/residents", token))).containsExactly("Morador Alfa " + tag);
        assertThat(residentNames(get("/api/v1/residents", token, id(a)))).containsExactly("Morador Alfa " + tag);
        String month =
                java.time.YearMonth.now(br.com.vetric.shared.Zones.SAO_PAULO).toString();
        for (String path : List.of(
                "/api/v1/residents",
                "/api/v1/sessions",
                "/api/v1/chargers",
                "/api/v1/consumption?month=" + month,
                "/api/v1/reports",
                "/api/v1/notifications",
                "/api/v1/tariff")) {
            assertThat(get(path, token).statusCode()).as(path).isEqualTo(200);
            assertHeaderNamed(get(path, token, id(b)), 404);
        }
        assertThat(get("/api/v1/residents/" + residentOfB, token).statusCode()).isEqualTo(404);
        assertHeaderNamed(get("/api/v1/residents", token, "not-a-number"), 400);
        assertHeaderNamed(get("/api/v1/residents", token, "999999"), 404);
    }

    @Test
    void aClienteOfTwoCondominiumsNamesOneWithTheHeaderAndNeverSeesAThird() {
        String token = tokenOf(clienteOfAB);
        assertHeaderNamed(get("/api/v1/residents", token), 400);
        assertThat((String) JsonPath.read(get("/api/v1/residents", token).body(), "$.detail"))
                .startsWith(HEADER + ": is required");
        assertThat(residentNames(get("/api/v1/residents", token, id(a)))).containsExactly("Morador Alfa " + tag);
        assertThat(residentNames(get("/api/v1/residents", token, id(b)))).containsExactly("Morador Beta " + tag);
        assertThat(get("/api/v1/residents/" + residentOfB, token, id(b)).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/residents/" + residentOfB, token, id(a)).statusCode())
                .isEqualTo(404);
        assertHeaderNamed(get("/api/v1/residents", token, id(c)), 404);
        assertHeaderNamed(get("/api/v1/sessions", token, id(c)), 404);
    }

    @Test
    void anAdminNamesTheCondominiumWhileSeveralAreActiveAndStillSeesADeactivatedOnesRecords() {
        assertHeaderNamed(get("/api/v1/residents", admin), 400);
        assertThat(residentNames(get("/api/v1/residents", admin, id(c)))).containsExactly("Morador Gama " + tag);
        condominiums.update(c.id(), c.command().withActive(false));
        assertThat(residentNames(get("/api/v1/residents", admin, id(c)))).containsExactly("Morador Gama " + tag);
        assertHeaderNamed(get("/api/v1/residents", admin, "999999"), 404);
    }

    /** The single-condominium API as it was: an ADMIN needs no header while exactly one condominium is active. */
    @Test
    void anAdminNeedsNoHeaderWhileExactlyOneCondominiumIsActive() {
        Condominium primary = condominiums.primary();
        List<Condominium> others = condominiums.active().stream()
                .filter(x -> !x.id().equals(primary.id()))
                .toList();
        try {
            others.forEach(x -> condominiums.update(x.id(), x.command().withActive(false)));
            HttpResponse<String> r = get("/api/v1/residents", admin);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(residentNames(get("/api/v1/residents", admin)))
                    .isEqualTo(residentNames(get("/api/v1/residents", admin, id(primary))));
            condominiums.update(a.id(), a.command().withActive(true));
            assertHeaderNamed(get("/api/v1/residents", admin), 400);
        } finally {
            others.forEach(x -> condominiums.update(x.id(), x.command().withActive(true)));
        }
    }

    @Test
    void aClienteOfTwoCondominiumsSwitchesPagesWithTheSelectorAndTheChoiceIsRemembered() {
        HttpFrom page = HttpFrom.withCookies("127.0.0.1", port);
        assertThat(page.formLogin(clienteOfAB, password(clienteOfAB)).statusCode())
                .isEqualTo(302);
        String residentsPage = page.get("/residents").body();
        assertThat(residentsPage)
                .contains("Morador Alfa " + tag)
                .doesNotContain("Morador Beta " + tag)
                .contains("id=\"condominium-select\"", "Alfa " + tag, "Beta " + tag)
                .doesNotContain("Gama " + tag);
        String csrf = UserApiTest.csrf(residentsPage);

        HttpResponse<String> switched =
                page.postForm("/condominium", Map.of("id", id(b), "returnTo", "/residents", "_csrf", csrf));
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location")).hasValue("/residents");
        assertThat(page.get("/residents").body())
                .contains("Morador Beta " + tag)
                .doesNotContain("Morador Alfa " + tag);
        assertThat(page.get("/sessions").statusCode()).isEqualTo(200);
        assertThat(page.get("/residents").body()).contains("Morador Beta " + tag);

        assertThat(page.postForm("/condominium", Map.of("id", id(c), "returnTo", "/residents", "_csrf", csrf))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> toADetail = page.postForm(
                "/condominium", Map.of("id", id(a), "returnTo", "/residents/" + residentOfB + "/edit", "_csrf", csrf));
        assertThat(toADetail.headers().firstValue("Location")).hasValue("/");
        HttpResponse<String> offSite =
                page.postForm("/condominium", Map.of("id", id(a), "returnTo", "//evil.example/x", "_csrf", csrf));
        assertThat(offSite.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void theHeadersSelectorSwitchesCondominiumInARealBrowser() {
        String base = "http://localhost:" + port;
        browser.login(base, clienteOfAB, password(clienteOfAB));
        WebDriver d = browser.driver();
        d.get(base + "/residents");
        assertThat(d.findElement(By.tagName("main")).getText()).contains("Morador Alfa " + tag);
        Select selector = new Select(d.findElement(By.id("condominium-select")));
        assertThat(selector.getFirstSelectedOption().getText()).isEqualTo("Alfa " + tag);
        assertThat(selector.getOptions()).extracting(o -> o.getText()).containsExactly("Alfa " + tag, "Beta " + tag);

        selector.selectByVisibleText("Beta " + tag); // the page sends the choice by itself
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Morador Beta " + tag));
        assertThat(d.getCurrentUrl()).endsWith("/residents");
        d.get(base + "/");
        d.get(base + "/residents");
        assertThat(d.findElement(By.tagName("main")).getText())
                .contains("Morador Beta " + tag)
                .doesNotContain("Morador Alfa " + tag);
        assertThat(new Select(d.findElement(By.id("condominium-select")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Beta " + tag);
    }

    /** With the selector the header still fits a 1280 px screen: every link and the logout stay clickable. */
    @Test
    void anAdminSeesEveryCondominiumInTheSelectorAndTheHeaderStillFits() {
        String base = "http://localhost:" + port;
        browser.login(base, "admin@vetric.test", "admin-test-password");
        WebDriver d = browser.driver();
        d.get(base + "/residents");
        Select selector = new Select(d.findElement(By.id("condominium-select")));
        assertThat(selector.getOptions())
                .extracting(o -> o.getText())
                .contains(condominiums.primary().name(), "Alfa " + tag, "Beta " + tag, "Gama " + tag);
        selector.selectByVisibleText("Gama " + tag);
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Morador Gama " + tag));
        d.findElement(By.cssSelector("form[action='/logout'] button")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
    }

    @Test
    void aClienteWithOneCondominiumSeesNoSelector() {
        HttpFrom page = HttpFrom.withCookies("127.0.0.1", port);
        page.formLogin(clienteOfA, password(clienteOfA));
        assertThat(page.get("/residents").body()).doesNotContain("condominium-select");
    }

    @Test
    void aDeactivatedCondominiumsClienteCannotLogInIsToldWhyAndGetsBackInOnReactivation() {
        HttpFrom open = HttpFrom.withCookies("127.0.0.1", port);
        assertThat(open.formLogin(clienteOfC, password(clienteOfC)).statusCode())
                .isEqualTo(302);
        assertThat(open.get("/residents").statusCode()).isEqualTo(200);
        String tokenBefore = tokenOf(clienteOfC);

        HttpResponse<String> off = http.patchJson(
                "/api/v1/condominiums/" + id(c), "{\"active\": false}", "Authorization", "Bearer " + admin);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);

        HttpResponse<String> ended = open.get("/residents");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location")).hasValue("/login?inactive");
        assertThat(get("/api/v1/residents", tokenBefore).statusCode()).isEqualTo(401);

        HttpFrom again = HttpFrom.withCookies("127.0.0.1", port);
        HttpResponse<String> refused = again.formLogin(clienteOfC, password(clienteOfC));
        assertThat(refused.headers().firstValue("Location")).hasValue("/login?inactive");
        assertThat(again.get("/login?inactive").body())
                .contains("O condomínio desta conta está desativado. Para voltar a acessar o VETRIC, fale com a"
                        + " equipe VETRIC.");
        HttpResponse<String> api = http.apiLogin(clienteOfC, password(clienteOfC));
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(api.body(), "$.message"))
                .startsWith("O condomínio desta conta está desativado");
        HttpResponse<String> wrong = http.apiLogin(clienteOfC, "not-the-password");
        assertThat(wrong.statusCode())
                .as("a wrong password says nothing about the condominium")
                .isEqualTo(401);

        http.patchJson("/api/v1/condominiums/" + id(c), "{\"active\": true}", "Authorization", "Bearer " + admin);
        assertThat(HttpFrom.withCookies("127.0.0.1", port)
                        .formLogin(clienteOfC, password(clienteOfC))
                        .headers()
                        .firstValue("Location"))
                .hasValue("/");
        tokenOf(clienteOfC);
    }

    @Test
    void aClienteKeepsTheCondominiumsStillActiveWhenOneOfThemIsDeactivated() {
        condominiums.update(b.id(), b.command().withActive(false));
        String token = tokenOf(clienteOfAB);
        assertThat(residentNames(get("/api/v1/residents", token))).containsExactly("Morador Alfa " + tag);
        assertHeaderNamed(get("/api/v1/residents", token, id(b)), 404);
        HttpFrom page = HttpFrom.withCookies("127.0.0.1", port);
        page.formLogin(clienteOfAB, password(clienteOfAB));
        assertThat(page.get("/residents").body())
                .contains("Morador Alfa " + tag)
                .doesNotContain("condominium-select");
        assertThat(condominiums
                        .find(CondominiumId.of(b.id().value()))
                        .orElseThrow()
                        .active())
                .isFalse();
    }
}
