package br.com.vetric.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.dashboard.internal.Portfolio;
import br.com.vetric.dashboard.internal.PortfolioService;
import br.com.vetric.identity.UserCommand;
import br.com.vetric.identity.Users;
import br.com.vetric.support.Browser;
import br.com.vetric.support.HttpFrom;
import br.com.vetric.support.SqlStatements;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The operator's portfolio over real HTTP, in a real Chromium and against a real PostgreSQL: every condominium's
 * chargers by state, sessions today, kWh this month, open alerts and last successful poll; the header's count of
 * what needs attention, which follows a new fault without a reload; sorting; a CLIENTE is refused; and the figures
 * cost the same few statements for any number of condominiums. Shares the API tests' context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class PortfolioTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    PortfolioService portfolio;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    String tag;
    Condominium busy;
    Condominium quiet;

    @BeforeEach
    void setUp() {
        tag = Long.toString(System.nanoTime());
        busy = condominiums.create(new CondominiumCommand(
                "Carteira Movimentado " + tag, null, null, null, null, "America/Manaus", "premium", true));
        quiet = condominiums.create("Carteira Tranquilo " + tag);
        charger(busy, "c1", "Charging", null, true);
        charger(busy, "c2", "Available", "GroundFailure", true);
        charger(busy, "c3", "Available", null, false);
        charger(busy, "c4", "Available", null, true);
        charger(quiet, "q1", "Available", null, true);
        session(busy, "c1", "now()", 12_500);
        session(busy, "c4", "now() - interval '2 minutes'", 7_500);
        session(busy, "c4", "now() - interval '40 days'", 99_000); // another month
        jdbc.sql("""
                        insert into notification_incident (condominium_id, type, incident_key, opened_at)
                        values (:c, 'FAULT', 'c2:1', now())
                        """).param("c", busy.id().value()).update();
        cycle(busy, "SUCCESS", "now() - interval '30 seconds'");
        cycle(busy, "FAILED", "now()");
        cycle(quiet, "SUCCESS", "now()");
    }

    void charger(Condominium c, String uuid, String status, String error, boolean online) {
        jdbc.sql("""
                        insert into charger (condominium_id, uuid, name, status, error_code, online, first_seen_at,
                                             last_changed_at)
                        values (:c, :uuid, :uuid, :status, :error, :online, now(), now())
                        """)
                .param("c", c.id().value())
                .param("uuid", uuid + "-" + tag)
                .param("status", status)
                .param("error", error)
                .param("online", online)
                .update();
    }

    void session(Condominium c, String charger, String startedAt, long wh) {
        jdbc.sql(
                        "insert into charging_session (condominium_id, charger_uuid, connector_id, status, started_at, ended_at,"
                                + " energy_wh) values (:c, :uuid, 1, 'FINISHED', " + startedAt + ", " + startedAt
                                + ", :wh)")
                .param("c", c.id().value())
                .param("uuid", charger + "-" + tag)
                .param("wh", wh)
                .update();
    }

    void cycle(Condominium c, String outcome, String at) {
        jdbc.sql("insert into sync_cycle (condominium_id, started_at, finished_at, duration_ms, outcome) values (:c, "
                        + at + ", " + at + ", 10, :outcome)")
                .param("c", c.id().value())
                .param("outcome", outcome)
                .update();
    }

    Portfolio.Row row(Portfolio p, Condominium c) {
        return p.rows().stream()
                .filter(r -> r.condominium().id().equals(c.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyCondominiumsFiguresComeFromFourStatementsWhateverTheirNumber() throws Exception {
        Portfolio[] p = new Portfolio[1];
        List<String> sql = SqlStatements.during("SQL statement [", () -> p[0] = portfolio.portfolio());
        Portfolio.Row b = row(p[0], busy);
        assertThat(List.of(b.chargers(), b.online(), b.charging(), b.faulted(), b.offline()))
                .containsExactly(4L, 3L, 1L, 1L, 1L);
        assertThat(b.sessionsToday()).isEqualTo(2);
        assertThat(b.energyWhThisMonth()).isEqualTo(20_000);
        assertThat(b.openAlerts()).isEqualTo(1);
        assertThat(b.lastPollFailed()).isTrue();
        assertThat(b.lastSuccessfulPoll()).isNotNull();
        assertThat(b.attention()).isEqualTo(4); // the fault, the offline charger, the failing poll, the alert
        Portfolio.Row q = row(p[0], quiet);
        assertThat(List.of(q.chargers(), q.online(), q.faulted(), q.sessionsToday(), q.openAlerts()))
                .containsExactly(1L, 1L, 0L, 0L, 0L);
        assertThat(q.lastPollFailed()).isFalse();

        for (int i = 0; i < 5; i++) {
            condominiums.create("Carteira Extra " + i + " " + tag);
        }
        List<String> more = SqlStatements.during("SQL statement [", portfolio::portfolio);
        assertThat(sql).as(String.join("\n", sql)).hasSizeLessThanOrEqualTo(5); // four, perhaps the condominiums
        assertThat(more.stream().filter(s -> !s.contains("from condominium order by id")))
                .hasSize(4);
    }

    @Test
    void aClienteGetsNoPortfolioNorItsCount() {
        String email = "carteira-" + tag + "@vetric.test";
        users.create(
                new UserCommand(email, "Síndico", "CLIENTE", List.of(quiet.id().value()), true, "senha-carteira-1"));
        HttpFrom cliente = HttpFrom.withCookies("127.0.0.1", port);
        assertThat(cliente.formLogin(email, "senha-carteira-1").statusCode()).isEqualTo(302);
        assertThat(cliente.get("/admin/portfolio").statusCode()).isEqualTo(403);
        assertThat(cliente.get("/admin/portfolio/attention").statusCode()).isEqualTo(403);
        assertThat(cliente.get("/").body()).doesNotContain("nav-portfolio");

        HttpFrom admin = HttpFrom.withCookies("127.0.0.1", port);
        assertThat(admin.formLogin("admin@vetric.test", "admin-test-password").statusCode())
                .isEqualTo(302);
        HttpResponse<String> page = admin.get("/admin/portfolio");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Carteira Movimentado " + tag, "Carteira Tranquilo " + tag);
    }

    @Test
    void theOperatorSeesEveryCondominiumSortsAndTheHeaderCountFollowsANewFault() {
        String base = "http://localhost:" + port;
        browser.login(base, "admin@vetric.test", "admin-test-password");
        WebDriver d = browser.driver();
        d.get(base + "/admin/portfolio?sort=faulted&desc=true");
        WebElement busyRow = d.findElement(
                By.cssSelector("tr.portfolio-row[data-id='" + busy.id().value() + "']"));
        assertThat(busyRow.findElement(By.className("portfolio-online")).getText())
                .isEqualTo("3 / 4");
        assertThat(busyRow.findElement(By.className("portfolio-faulted")).getText())
                .isEqualTo("1");
        assertThat(busyRow.findElement(By.className("portfolio-offline")).getText())
                .isEqualTo("1");
        assertThat(busyRow.findElement(By.className("portfolio-sessions")).getText())
                .isEqualTo("2");
        assertThat(busyRow.findElement(By.className("portfolio-energy")).getText())
                .isEqualTo("20,00 kWh");
        assertThat(busyRow.findElement(By.className("portfolio-alerts")).getText())
                .isEqualTo("1");
        assertThat(busyRow.findElement(By.className("portfolio-poll")).getText())
                .contains("leitura falhando");
        assertThat(busyRow.findElement(By.className("portfolio-connection")).getText())
                .isEqualTo("—");
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Carteira de condomínios");

        // sorted by name, ascending, from the column's header
        d.findElement(By.cssSelector("th a[data-sort='name']")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("sort=name"));
        List<String> names = d.findElements(By.cssSelector("tr.portfolio-row .portfolio-name button")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        // the header's count: what needs attention across the portfolio, updated without a reload
        WebElement count = browser.waitUpTo(Duration.ofSeconds(10))
                .until(x -> x.findElement(By.cssSelector("#attention #attention-count")));
        long before = Long.parseLong(count.getAttribute("data-total"));
        assertThat(before).isGreaterThanOrEqualTo(4);
        assertThat(count.getText()).isEqualTo(Long.toString(before));
        assertThat(count.getAttribute("aria-label")).isEqualTo(before + " precisa(m) de atenção");
        assertThat(count.getAttribute("title")).startsWith("Precisa de atenção: ");
        jdbc.sql("update charger set error_code = 'OverCurrentFailure' where uuid = :u")
                .param("u", "q1-" + tag)
                .update();
        browser.waitUpTo(Duration.ofSeconds(40))
                .until(x ->
                        Long.parseLong(x.findElement(By.id("attention-count")).getAttribute("data-total"))
                                == before + 1);
    }
}
