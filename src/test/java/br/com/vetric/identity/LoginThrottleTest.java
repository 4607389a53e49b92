package br.com.vetric.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.HttpFrom;
import br.com.vetric.support.WebTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins slow down their source address, never the account: real HTTP connections from different local
 * addresses (WebTest: 3 failures per address and e-mail, 10 per address, in 10 min; only 127.0.0.1 is a trusted
 * proxy). Each test uses its own addresses and accounts.
 */
@WebTest
class LoginThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    String newUser(String password) {
        String email = "throttle-" + System.nanoTime() + "@vetric.test";
        users.create(
                email, "Throttle", Role.CLIENTE, condominiums.primary().id().value(), password);
        return email;
    }

    @Test
    void failedApiLoginsSlowTheirAddressWhileTheRightPasswordFromAnotherAddressGetsIn() {
        String email = newUser("right-password-1");
        HttpFrom attacker = HttpFrom.address("127.0.0.2", port);
        HttpFrom owner = HttpFrom.address("127.0.0.3", port);
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.apiLogin(email, "wrong-password").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> slowed = attacker.apiLogin(email, "right-password-1");
        assertThat(slowed.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 600L);
        assertThat(slowed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(slowed.body()).contains("\"status\":429").doesNotContain(email);

        assertThat(owner.apiLogin(email, "right-password-1").statusCode()).isEqualTo(200);
        assertThat(owner.apiLogin(email, "right-password-1").statusCode())
                .as("no lock-out")
                .isEqualTo(200);
    }

    @Test
    void manyFailuresFromOneAddressAre429ForEveryAccountKnownOrNot() {
        String email = newUser("right-password-2");
        HttpFrom sprayer = HttpFrom.address("127.0.0.4", port);
        for (int i = 0; i < 10; i++) { // 10 different e-mails, none exists: the per-address budget
            assertThat(sprayer.apiLogin("nobody-" + i + "-" + System.nanoTime() + "@vetric.test", "guess-" + i)
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> unknown = sprayer.apiLogin("nobody-else@vetric.test", "guess");
        HttpResponse<String> known = sprayer.apiLogin(email, "right-password-2");
        assertThat(unknown.statusCode()).isEqualTo(429);
        assertThat(known.statusCode()).isEqualTo(429);
        assertThat(known.body()).as("no hint whether the e-mail exists").isEqualTo(unknown.body());
        assertThat(known.headers().firstValue("Retry-After")).isPresent();

        assertThat(HttpFrom.address("127.0.0.5", port)
                        .apiLogin(email, "right-password-2")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theLoginPageAnswers429WithAPortugueseMessageAndAnotherAddressStillLogsIn() {
        String email = newUser("right-password-3");
        HttpFrom attacker = HttpFrom.withCookies("127.0.0.6", port);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = attacker.formLogin(email, "wrong-password");
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> slowed = attacker.formLogin(email, "right-password-3");
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(slowed.body())
                .contains("id=\"login-throttled\"")
                .contains("Muitas tentativas erradas a partir deste endereço")
                .contains("id=\"login-submit\"");

        HttpResponse<String> owner = HttpFrom.withCookies("127.0.0.7", port).formLogin(email, "right-password-3");
        assertThat(owner.statusCode()).isEqualTo(302);
        assertThat(owner.headers().firstValue("Location").orElseThrow()).isEqualTo("/");
    }

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLoginSoAStolenTokenCannotGuessAtFullSpeed() {
        String email = newUser("right-password-6");
        HttpFrom thief = HttpFrom.address("127.0.0.9", port);
        HttpResponse<String> login = thief.apiLogin(email, "right-password-6");
        String token = com.jayway.jsonpath.JsonPath.read(login.body(), "$.token");
        String bearer = "Bearer " + token;
        for (int i = 0; i < 3; i++) {
            assertThat(thief.postJson(
                                    "/api/v1/account/password",
                                    "{\"currentPassword\":\"guess-" + i + "\",\"newPassword\":\"taken-over-1\"}",
                                    "Authorization",
                                    bearer)
                            .statusCode())
                    .isEqualTo(400);
        }
        HttpResponse<String> slowed = thief.postJson(
                "/api/v1/account/password",
                "{\"currentPassword\":\"right-password-6\",\"newPassword\":\"taken-over-1\"}",
                "Authorization",
                bearer);
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(users.authenticate(email, "right-password-6").email())
                .as("nothing changed")
                .isEqualTo(email);
    }

    @Test
    void anUntrustedPeerCannotPickItsAddressWithXForwardedForButATrustedProxysClientsAreToldApart() {
        String email = newUser("right-password-4");
        HttpFrom untrusted = HttpFrom.address("127.0.0.8", port);
        for (int i = 0; i < 3; i++) {
            assertThat(untrusted
                            .apiLogin(email, "wrong-password", "X-Forwarded-For", "203.0.113." + i)
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(untrusted
                        .apiLogin(email, "right-password-4", "X-Forwarded-For", "203.0.113.99")
                        .statusCode())
                .as("a raw X-Forwarded-For from an untrusted peer is ignored")
                .isEqualTo(429);

        String other = newUser("right-password-5");
        HttpFrom proxy = HttpFrom.address("127.0.0.1", port); // the trusted proxy of the WebTest settings
        for (int i = 0; i < 3; i++) {
            assertThat(proxy.apiLogin(other, "wrong-password", "X-Forwarded-For", "198.51.100.7")
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(proxy.apiLogin(other, "right-password-5", "X-Forwarded-For", "198.51.100.7")
                        .statusCode())
                .isEqualTo(429);
        assertThat(proxy.apiLogin(other, "right-password-5", "X-Forwarded-For", "198.51.100.8")
                        .statusCode())
                .as("another client behind the proxy")
                .isEqualTo(200);
    }
}
