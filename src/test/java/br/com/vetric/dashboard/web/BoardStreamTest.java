package br.com.vetric.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.dashboard.DashboardProperties;
import br.com.vetric.dashboard.internal.BoardService;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.Words;
import br.com.vetric.platform.web.PageFormat;
import br.com.vetric.platform.web.WebConfiguration;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.HttpLogin;
import br.com.vetric.support.WebTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.thymeleaf.spring6.SpringTemplateEngine;

@WebTest
class BoardStreamTest {

    @Autowired
    BoardStream stream;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    BoardService boards;

    @Autowired
    SpringTemplateEngine templates;

    @Autowired
    PageFormat fmt;

    @Autowired
    Words words;

    @LocalServerPort
    int port;

    @Test
    void anOpenBoardStreamOfADeactivatedUserIsClosedAtTheNextPush() {
        CondominiumId condo = condominiums.primary().id();
        long stays = users.create(
                        "fica-" + System.nanoTime() + "@vetric.test",
                        "Fica",
                        Role.CLIENTE,
                        condo.value(),
                        "stays-password-1")
                .id();
        long goes = users.create(
                        "sai-" + System.nanoTime() + "@vetric.test",
                        "Sai",
                        Role.CLIENTE,
                        condo.value(),
                        "goes-password-1")
                .id();
        stream.open(condo, Locale.of("pt", "BR"), stays);
        stream.open(condo, Locale.of("pt", "BR"), goes);
        assertThat(stream.connectionsOf(stays)).isEqualTo(1);
        assertThat(stream.connectionsOf(goes)).isEqualTo(1);

        users.setActive(goes, false);
        stream.broadcast(condo);

        // other tests' browsers may open or close streams meanwhile: count only these two users'
        assertThat(stream.connectionsOf(stays)).isEqualTo(1);
        assertThat(stream.connectionsOf(goes)).isZero();
    }

    @Test
    void aUserHoldsAtMostFiveBoardStreamsTheSixthIsRefusedWith429UntilOneCloses() throws Exception {
        CondominiumId condo = condominiums.primary().id();
        String email = "abas-" + System.nanoTime() + "@vetric.test";
        long user = users.create(email, "Muitas Abas", Role.CLIENTE, condo.value(), "many-tabs-password-1")
                .id();
        String base = "http://localhost:" + port;
        HttpClient http = HttpLogin.loggedIn(base, email, "many-tabs-password-1");
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<InputStream> r = openStream(http, base);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)).readLine())
                        .isEqualTo(":connected");
                open.add(r.body());
            }
            assertThat(stream.connectionsOf(user)).isEqualTo(5);

            HttpResponse<InputStream> sixth = openStream(http, base);
            sixth.body().close();
            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(stream.connectionsOf(user)).isEqualTo(5);

            // another user is not affected by this one's tabs
            HttpClient other = HttpLogin.loggedIn(base, "admin@vetric.test", "admin-test-password");
            HttpResponse<InputStream> admins = openStream(other, base);
            admins.body().close();
            assertThat(admins.statusCode()).isEqualTo(200);

            // a closed tab frees its place: the next attempt (htmx retries with back-off) finds it out
            open.removeFirst().close();
            long t0 = System.nanoTime();
            await().atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        HttpResponse<InputStream> again = openStream(http, base);
                        if (again.statusCode() == 200) {
                            open.add(again.body());
                            return true;
                        }
                        again.body().close();
                        return false;
                    });
            System.out.printf("closed tab's place reused after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(stream.connectionsOf(user)).isEqualTo(5);
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
    }

    @Test
    void theInstanceHoldsAtMostTheConfiguredNumberOfStreams() {
        CondominiumId condo = condominiums.primary().id();
        BoardStream small = new BoardStream(boards, templates, fmt, words, users, new DashboardProperties(2, 3));
        try {
            assertThat(small.open(condo, WebConfiguration.PT_BR, 1)).isPresent();
            assertThat(small.open(condo, WebConfiguration.PT_BR, 1)).isPresent();
            assertThat(small.open(condo, WebConfiguration.PT_BR, 1))
                    .as("third of one user")
                    .isEmpty();
            assertThat(small.open(condo, WebConfiguration.PT_BR, 2)).isPresent();
            assertThat(small.open(condo, WebConfiguration.PT_BR, 3))
                    .as("fourth of the instance")
                    .isEmpty();
            assertThat(small.connections()).isEqualTo(3);
        } finally {
            small.close();
        }
    }

    @Test
    void aHundredLanguagesAskedForLeaveAtMostTwoRenderedBoardsPerCondominium() {
        CondominiumId condo = condominiums.primary().id();
        long user = users.create(
                        "linguas-" + System.nanoTime() + "@vetric.test",
                        "Línguas",
                        Role.CLIENTE,
                        condo.value(),
                        "languages-password-1")
                .id();
        BoardStream wide = new BoardStream(boards, templates, fmt, words, users, new DashboardProperties(200, 200));
        try {
            for (int i = 0; i < 100; i++) {
                String tag = i % 2 == 0
                        ? "x" + (char) ('a' + i % 26) + "-" + (char) ('A' + i % 26) + (char) ('A' + i / 26)
                        : "en-" + (char) ('A' + i % 26) + (char) ('A' + i / 26);
                assertThat(wide.open(condo, Locale.forLanguageTag(tag), user)).isPresent();
            }
            wide.broadcast(condo);
            assertThat(wide.cachedRenders()).isEqualTo(2);
        } finally {
            wide.close();
        }
    }

    private static HttpResponse<InputStream> openStream(HttpClient http, String base) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/board/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
