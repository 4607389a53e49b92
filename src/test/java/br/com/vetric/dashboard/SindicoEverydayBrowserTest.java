package br.com.vetric.dashboard;

import static br.com.vetric.support.WebFixtures.CLIENTE_EMAIL;
import static br.com.vetric.support.WebFixtures.CLIENTE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.Residents;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.Browser;
import br.com.vetric.support.OcppCodes;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.SyncCycle;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #10 in a real headless Chromium, as the síndico (CLIENTE), on a laptop (1366×900) and a phone (390×844): R$ on
 * the sessions and on Consumo, a board whose counters add up and that keeps a full car's resident, and no page the
 * síndico can reach shows a charger's code, an internal enum or field name as text (only in a title, for the operator).
 */
@WebTest
class SindicoEverydayBrowserTest {

    /**
     * Raw codes no person should read: OCPP statuses, OCPP error codes, OCPP stop reasons, VETRIC's enum names and
     * internal field names.
     */
    static final List<String> RAW = Stream.of(
                    OcppCodes.FAULTS,
                    List.of("NoError"),
                    List.of(
                            // OCPP connector statuses
                            "Available",
                            "Preparing",
                            "Charging",
                            "SuspendedEV",
                            "SuspendedEVSE",
                            "Finishing",
                            "Reserved",
                            "Unavailable",
                            "Faulted",
                            "Occupied",
                            // OCPP stop reasons and VETRIC's end reasons
                            "EVDisconnected",
                            "EmergencyStop",
                            "PowerLoss",
                            "DeAuthorized",
                            "HardReset",
                            "SoftReset",
                            "UnlockCommand",
                            "EV_DISCONNECTED",
                            "EMERGENCY_STOP",
                            "POWER_LOSS",
                            "DE_AUTHORIZED",
                            "HARD_RESET",
                            "SOFT_RESET",
                            "UNLOCK_COMMAND",
                            "CONNECTOR_AVAILABLE",
                            "STUCK_CONNECTOR_AVAILABLE",
                            "SUPERSEDED",
                            // VETRIC's enum names
                            "TAG_NOT_REGISTERED",
                            "TAG_PK_UNKNOWN",
                            "TRANSACTION_PENDING",
                            "NO_TRANSACTION",
                            "NO_TAG",
                            "SUSPENDED",
                            "FINISHED",
                            "STARTED",
                            "CHARGING",
                            "TIME_OF_USE",
                            "FLAT",
                            "CLIENTE",
                            // internal field names
                            "offPeakPrice",
                            "peakPrice",
                            "flatPrice",
                            "peakStart",
                            "peakEnd",
                            "managerPhones",
                            "energyWh",
                            "idTag",
                            "ocppIdTag",
                            "ocppTagPk",
                            "residentId",
                            "chargerUuid",
                            "errorCode",
                            "endReason",
                            "unidentifiedReason",
                            "energyPending",
                            "idleSince"))
            .flatMap(List::stream)
            .toList();

    static final Pattern RAW_WORD = Pattern.compile("(?<![\\p{L}\\d_])(" + String.join("|", RAW) + ")(?![\\p{L}\\d_])");

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

    @Autowired
    Residents residents;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    Resident maria;

    String base() {
        return "http://localhost:" + port;
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    /**
     * A world with something on every page: Maria's car full on Garagem 1, João's finished session (R$ on the record
     * and on Consumo), an unknown card charging on Garagem 6 and a ground fault on Garagem 2.
     */
    @BeforeEach
    void aBusyAfternoon() {
        List<Resident> list = residents.list(condominiums.primary().id(), null, false, 0, 10);
        maria = list.get(3);
        Resident joao = list.get(4);
        WebFixtures.charge(
                simulator, condominiums, cycle, "Garagem 2", joao.tags().getFirst());
        simulator.stop("Garagem 2", "EVDisconnected");
        simulator.unplug("Garagem 2");
        simulator.fault("Garagem 2", "GroundFailure");
        WebFixtures.charge(
                simulator, condominiums, cycle, "Garagem 1", maria.tags().getFirst());
        simulator.suspend("Garagem 1");
        WebFixtures.charge(simulator, condominiums, cycle, "Garagem 6", "ZZBROWSER-UNKNOWN-06");
        WebFixtures.sync(simulator, condominiums, cycle);
    }

    @AfterEach
    void everyoneGoesHome() {
        for (String name : List.of("Garagem 1", "Garagem 6")) {
            try {
                simulator.stop(name, "Local");
            } catch (IllegalStateException nothingRunning) {
                // already stopped
            }
            simulator.unplug(name);
        }
        simulator.clearFault("Garagem 2");
        WebFixtures.sync(simulator, condominiums, cycle);
    }

    void at(String size) {
        String[] wh = size.split("x");
        browser.driver().manage().window().setSize(new Dimension(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
        browser.login(base(), CLIENTE_EMAIL, CLIENTE_PASSWORD);
    }

    void open(String path) {
        browser.driver().get(base() + path);
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(d -> "complete".equals(js().executeScript("return document.readyState")));
    }

    /** Shown, and within the screen's width: readable without scrolling sideways. */
    void onScreen(WebElement e, String what) {
        assertThat(e.isDisplayed()).as("%s displayed", what).isTrue();
        long inner = ((Number) js().executeScript("return window.innerWidth;")).longValue();
        Number right = (Number) js().executeScript("return arguments[0].getBoundingClientRect().right;", e);
        Number left = (Number) js().executeScript("return arguments[0].getBoundingClientRect().left;", e);
        assertThat(left.doubleValue()).as("%s starts on screen", what).isGreaterThanOrEqualTo(0);
        assertThat(right.doubleValue())
                .as("%s ends on screen (width %d)", what, inner)
                .isLessThanOrEqualTo(inner + 1);
        assertThat(((Number) js().executeScript("return document.documentElement.scrollWidth;")).longValue())
                .as("no sideways scrolling")
                .isLessThanOrEqualTo(inner + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1366x900", "390x844"})
    void theBoardAddsUpAndKeepsTheFullCarsResidentAndTheMoneyIsOnScreen(String size) {
        at(size);
        WebDriver d = browser.driver();

        open("/");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".charger-card")));
        long sum = d.findElements(By.cssSelector(".board-counters .counter")).stream()
                .mapToLong(e -> Long.parseLong(e.getText().strip()))
                .sum();
        int cards = d.findElements(By.cssSelector(".charger-card")).size();
        assertThat(cards).isEqualTo(simulator.chargers().size());
        assertThat(sum).as("the counters add up to the chargers").isEqualTo(cards);
        assertThat(d.findElement(By.id("count-available")).isDisplayed()).isTrue();
        assertThat(d.findElement(By.cssSelector(".board-counters")).getText()).contains("Disponíveis");
        WebElement full =
                d.findElement(By.id("card-" + simulator.charger("Garagem 1").uuid()));
        assertThat(full.getText())
                .contains(maria.name(), "(" + maria.unit() + ")", "Ocioso")
                .containsPattern("carregado há \\d+ (s|min), ainda conectado");
        onScreen(full.findElement(By.cssSelector(".resident-name")), "the resident of the full car");
        onScreen(full.findElement(By.cssSelector(".idle")), "how long the car has been idle");

        open("/sessions");
        WebElement first = d.findElement(By.cssSelector("#sessions tbody tr"));
        onScreen(first.findElement(By.cssSelector(".session-energy")), "a session's energy");
        onScreen(first.findElement(By.cssSelector(".session-status")), "a session's status");
        WebElement cost = d.findElements(By.cssSelector("#sessions .session-cost")).stream()
                .filter(e -> e.getText().startsWith("R$"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no R$ on the sessions page"));
        assertThat(cost.getText()).matches("R\\$ [\\d.]+,\\d{2}");
        onScreen(cost, "a session's R$");

        first.findElement(By.cssSelector("a")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/sessions/\\d+$"));
        onScreen(d.findElement(By.id("session-energy")), "the session's energy");
        onScreen(d.findElement(By.id("session-status")), "the session's status");

        open("/consumption");
        WebElement total = d.findElement(By.id("total-cost"));
        assertThat(total.getText()).matches("R\\$ [\\d.]+,\\d{2}");
        onScreen(total, "the month's R$");
        assertThat(d.findElement(By.id("tariff")).getText())
                .contains("Tarifa em vigor:")
                .containsPattern("R\\$ ");
        WebElement apartmentCost = d.findElement(By.cssSelector("#ranking .apartment-cost"));
        assertThat(apartmentCost.getText()).matches("R\\$ [\\d.]+,\\d{2}");
        onScreen(apartmentCost, "an apartment's R$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1366x900", "390x844"})
    void noPageTheSindicoCanReachShowsARawCodeOrFieldName(String size) {
        at(size);
        WebDriver d = browser.driver();
        Deque<String> queue = new ArrayDeque<>(List.of(
                "/",
                "/chargers",
                "/sessions",
                "/consumption",
                "/residents",
                "/notifications",
                "/reports",
                "/account",
                "/no-such-page",
                "/sessions?from=not-a-date",
                "/chargers/" + simulator.charger("Garagem 2").uuid() + "?range=7d"));
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> perKind = new HashMap<>();
        List<String> offences = new ArrayList<>();
        while (!queue.isEmpty() && perKind.size() < 40) {
            String path = queue.poll();
            // one address per kind of page is enough ("/sessions/123" and "/sessions/456" are the same page)
            String kind = path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{uuid}").replaceAll("\\d+", "{n}");
            if (!seen.add(path) || perKind.merge(kind, 1, Integer::sum) > 1) {
                continue;
            }
            open(path);
            // the WhatsApp messages the notifications module wrote (its log's last column) are its own text: the
            // manager's
            // fault alert says the charger's code until notifications reads fault.* (the lead's part of #10)
            String text = (String) js().executeScript(
                            "document.querySelectorAll('#notification-log tbody td:last-child').forEach(function (e) {"
                                    + " e.remove(); }); return document.body.innerText;");
            Matcher m = RAW_WORD.matcher(text);
            while (m.find()) {
                offences.add(path + ": \"" + m.group(1) + "\" in …"
                        + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40))
                                .replace('\n', ' ')
                        + "…");
            }
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>)
                    js().executeScript("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
            for (String href : links) {
                URI uri = URI.create(href);
                if (!base().equals(uri.getScheme() + "://" + uri.getAuthority())) {
                    continue;
                }
                String next = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                if (next.matches(".*(/logout|/export|/download|/swagger|/v3/|/api/|lang=|\\.(csv|xlsx|pdf)).*")) {
                    continue;
                }
                queue.add(next);
            }
        }
        System.out.printf("walked %d pages at %s: %s%n", perKind.size(), size, perKind.keySet());
        assertThat(perKind).as("kinds of pages walked").hasSizeGreaterThan(12);
        assertThat(offences).as("raw codes in visible text").isEmpty();
        // the codes are still there for the operator, in titles
        open("/");
        assertThat(d.findElement(By.id("card-" + simulator.charger("Garagem 2").uuid()))
                        .findElement(By.cssSelector(".error-code"))
                        .getAttribute("title"))
                .isEqualTo("GroundFailure");
    }

    @Test
    void theChargerTimelineHasALegendSaysWhereVetricHasNoDataAndShowsAOneMinuteFault() {
        // a condominium of its own: a charger VETRIC has watched for three hours, with a one-minute ground fault
        long condo = condominiums
                .create("Condomínio Linha do Tempo " + System.nanoTime())
                .id()
                .value();
        String email = "timeline-" + System.nanoTime() + "@vetric.test";
        users.create(email, "Síndica", Role.CLIENTE, condo, "timeline-password-1");
        String uuid = "timeline-" + System.nanoTime();
        jdbc.sql("""
                insert into charger (condominium_id, uuid, charge_box_id, name, status, online, first_seen_at,
                       last_changed_at, last_heartbeat_at) values (:c, :u, 'TL01', 'Garagem Nova', 'Available', true,
                       now() - interval '3 hours', now(), now())""").param("c", condo).param("u", uuid).update();
        jdbc.sql("""
                insert into charger_status_history (condominium_id, charger_uuid, connector_id, status, error_code, online,
                       observed_at) values
                (:c, :u, 1, 'Available', null, true, now() - interval '3 hours'),
                (:c, :u, 1, 'Faulted', 'GroundFailure', true, now() - interval '2 hours'),
                (:c, :u, 1, 'Available', null, true, now() - interval '2 hours' + interval '1 minute')""").param("c", condo).param("u", uuid).update();
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.login(base(), email, "timeline-password-1");
        WebDriver d = browser.driver();

        open("/chargers/" + uuid);
        assertThat(d.findElement(By.id("no-data")).getText())
                .startsWith("Sem dados antes de ")
                .contains("o VETRIC ainda não acompanhava este carregador");
        assertThat(d.findElement(By.id("timeline-legend")).getText())
                .contains(
                        "Disponível",
                        "Carregando",
                        "Aguardando início",
                        "Ocioso",
                        "Com falha",
                        "Indisponível",
                        "Sem comunicação",
                        "Sem dados");
        WebElement fault = d.findElement(By.cssSelector("#timeline .progress-bar[data-state=FAULTED]"));
        browser.waitUpTo(Duration.ofSeconds(5))
                .until(dr -> !fault.getCssValue("width").equals("auto"));
        double width = ((Number) js().executeScript("return arguments[0].getBoundingClientRect().width;", fault))
                .doubleValue();
        // one minute of 24 hours is under 1 px at this width: the fault is drawn at least 4 px wide
        assertThat(width).as("width of a one-minute fault").isGreaterThanOrEqualTo(4);
        assertThat(fault.getAttribute("title")).startsWith("Com falha — falha de aterramento (GroundFailure): ");
        assertThat(d.findElement(By.id("error-codes")).getText()).contains("falha de aterramento × 1");
    }
}
