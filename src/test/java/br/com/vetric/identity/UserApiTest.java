package br.com.vetric.identity;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.HttpFrom;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /api/v1/users} over real HTTP with a real PostgreSQL: accounts with their role and condominiums, bad input
 * named, and the invitation link a user without a password gets (one time, expiring, stored hashed). Shares the
 * API tests' context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class UserApiTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    JdbcClient jdbc;

    HttpFrom http;
    String admin;
    long a;
    long b;

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        admin = token("admin@vetric.test", "admin-test-password");
        a = condominiums.create("Usuários A " + System.nanoTime()).id().value();
        b = condominiums.create("Usuários B " + System.nanoTime()).id().value();
    }

    String token(String email, String password) {
        HttpResponse<String> r = http.apiLogin(email, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonPath.read(r.body(), "$.token");
    }

    String[] auth(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    static String email(String who) {
        return who + "-" + System.nanoTime() + "@vetric.test";
    }

    long users() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    @Test
    void anAdminCreatesAClienteOfTwoCondominiumsWithAPasswordAndListsIt() {
        String email = email("dois");
        HttpResponse<String> r = http.postJson("/api/v1/users", """
                {"email": "%s", "name": "Síndica de Dois", "role": "CLIENTE", "condominiumIds": [%d, %d],
                 "password": "dois-predios-1"}""".formatted(email, b, a), auth(admin));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        int id = JsonPath.read(r.body(), "$.id");
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/users/" + id);
        Map<String, Object> body = JsonPath.read(r.body(), "$");
        assertThat(body)
                .containsEntry("email", email)
                .containsEntry("role", "CLIENTE")
                .containsEntry("active", true)
                .containsEntry("passwordSet", true)
                .doesNotContainKeys("password", "invitation", "passwordHash");
        assertThat((List<Integer>) JsonPath.read(r.body(), "$.condominiumIds"))
                .containsExactly((int) Math.min(a, b), (int) Math.max(a, b));
        assertThat(r.body()).doesNotContain("dois-predios-1");

        List<String> listed =
                JsonPath.read(http.get("/api/v1/users", auth(admin)).body(), "$[*].email");
        assertThat(listed).contains(email, "admin@vetric.test");
        assertThat(http.get("/api/v1/users", auth(admin)).body()).doesNotContain("{bcrypt}", "password_hash");
        token(email, "dois-predios-1");
    }

    @Test
    void badUsersAreA400NamingTheFieldAndNothingIsWritten() {
        long before = users();
        Map<String, String> cases = Map.of(
                "{\"email\": \"%s\", \"name\": \"X\", \"role\": \"CLIENTE\", \"condominiumIds\": [999999],"
                        + " \"password\": \"whatever-1\"}",
                "condominiumIds",
                "{\"email\": \"%s\", \"name\": \"X\", \"role\": \"CLIENTE\", \"password\": \"whatever-1\"}",
                "condominiumIds",
                "{\"email\": \"%s\", \"name\": \"X\", \"role\": \"ADMIN\", \"condominiumIds\": [" + a
                        + "], \"password\": \"whatever-1\"}",
                "condominiumIds",
                "{\"email\": \"%s\", \"name\": \"X\", \"role\": \"SINDICO\", \"password\": \"whatever-1\"}",
                "role",
                "{\"email\": \"sem arroba %s\", \"name\": \"X\", \"role\": \"ADMIN\"}",
                "email",
                "{\"email\": \"%s\", \"name\": \"X\", \"role\": \"ADMIN\", \"password\": \"short\"}",
                "password",
                "{\"email\": \"%s\", \"name\": \"X\", \"role\": \"CLIENTE\", \"condominiumIds\": [\"A\"]}",
                "condominiumIds",
                "{\"email\": \"%s\", \"name\": \"X\", \"role\": \"ADMIN\", \"isAdmin\": true}",
                "isAdmin");
        cases.forEach((template, field) -> {
            String json = template.formatted(email("ruim"));
            HttpResponse<String> r = http.postJson("/api/v1/users", json, auth(admin));
            assertThat(r.statusCode()).as(json + " " + r.body()).isEqualTo(400);
            assertThat((String) JsonPath.read(r.body(), "$.errors[0].field"))
                    .as(json)
                    .isEqualTo(field);
        });
        assertThat(users()).isEqualTo(before);

        HttpResponse<String> taken = http.postJson(
                "/api/v1/users",
                "{\"email\": \"ADMIN@vetric.test\", \"name\": \"Outro\", \"role\": \"ADMIN\", \"password\": \"x-password-1\"}",
                auth(admin));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat((String) JsonPath.read(taken.body(), "$.errors[0].field")).isEqualTo("email");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void patchChangesOnlyWhatIsSentAndABadChangeWritesNothing() {
        String email = email("muda");
        int id = JsonPath.read(
                http.postJson(
                                "/api/v1/users",
                                "{\"email\": \"%s\", \"name\": \"Muda\", \"role\": \"CLIENTE\", \"condominiumIds\": [%d], \"password\": \"muda-senha-1\"}"
                                        .formatted(email, a),
                                auth(admin))
                        .body(),
                "$.id");
        HttpResponse<String> moved =
                http.patchJson("/api/v1/users/" + id, "{\"condominiumIds\": [" + b + "]}", auth(admin));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat((List<Integer>) JsonPath.read(moved.body(), "$.condominiumIds"))
                .containsExactly((int) b);
        assertThat((String) JsonPath.read(moved.body(), "$.name")).isEqualTo("Muda");

        HttpResponse<String> bad = http.patchJson(
                "/api/v1/users/" + id, "{\"name\": \"Renomeado\", \"condominiumIds\": [999999]}", auth(admin));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(bad.body(), "$.errors[0].field")).isEqualTo("condominiumIds");
        Map<String, Object> after =
                JsonPath.read(http.get("/api/v1/users/" + id, auth(admin)).body(), "$");
        assertThat(after).containsEntry("name", "Muda");
        assertThat((List<Integer>) after.get("condominiumIds")).containsExactly((int) b);

        HttpResponse<String> promoted = http.patchJson("/api/v1/users/" + id, "{\"role\": \"ADMIN\"}", auth(admin));
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat((List<Integer>) JsonPath.read(promoted.body(), "$.condominiumIds"))
                .isEmpty();

        HttpResponse<String> off = http.patchJson("/api/v1/users/" + id, "{\"active\": false}", auth(admin));
        assertThat((Boolean) JsonPath.read(off.body(), "$.active")).isFalse();
        assertThat(http.apiLogin(email, "muda-senha-1").statusCode()).isEqualTo(401);
        assertThat(http.patchJson("/api/v1/users/999999", "{\"active\": false}", auth(admin))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAdminCannotDeactivateThemselfNorChangeTheirOwnRole() {
        int me = JsonPath.<List<Integer>>read(
                        http.get("/api/v1/users", auth(admin)).body(), "$[?(@.email == 'admin@vetric.test')].id")
                .getFirst();
        HttpResponse<String> off = http.patchJson("/api/v1/users/" + me, "{\"active\": false}", auth(admin));
        assertThat(off.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(off.body(), "$.errors[0].field")).isEqualTo("active");
        HttpResponse<String> demoted = http.patchJson(
                "/api/v1/users/" + me, "{\"role\": \"CLIENTE\", \"condominiumIds\": [" + a + "]}", auth(admin));
        assertThat(demoted.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(demoted.body(), "$.errors[0].field")).isEqualTo("role");
        assertThat(http.get("/api/v1/users", auth(admin)).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserCreatedWithoutAPasswordChoosesOneThroughAnInvitationLinkThatWorksOnce() {
        String email = email("convite");
        HttpResponse<String> created = http.postJson(
                "/api/v1/users",
                "{\"email\": \"%s\", \"name\": \"Convidada\", \"role\": \"CLIENTE\", \"condominiumIds\": [%d]}"
                        .formatted(email, a),
                auth(admin));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat((Boolean) JsonPath.read(created.body(), "$.passwordSet")).isFalse();
        String url = JsonPath.read(created.body(), "$.invitation.url");
        assertThat((String) JsonPath.read(created.body(), "$.invitation.expiresAt"))
                .isNotBlank();
        String path = URI.create(url).getPath();
        assertThat(path).matches("/invitation/[A-Za-z0-9_-]{43}");
        String token = path.substring("/invitation/".length());
        assertThat(jdbc.sql("select count(*) from user_invitation where token_hash = :t or token_hash like :p")
                        .param("t", token)
                        .param("p", "%" + token + "%")
                        .query(Long.class)
                        .single())
                .as("the token itself is never stored")
                .isZero();
        assertThat(http.apiLogin(email, "").statusCode()).isEqualTo(400);
        assertThat(http.apiLogin(email, "anything-at-all").statusCode()).isEqualTo(401);

        HttpFrom browser = HttpFrom.withCookies("127.0.0.1", port);
        HttpResponse<String> page = browser.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Convidada", email, "Definir senha");
        String csrf = csrf(page.body());

        HttpResponse<String> mismatch = browser.postForm(
                path, Map.of("password", "nova-senha-1", "confirmPassword", "outra-senha-1", "_csrf", csrf));
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(mismatch.body()).contains("A confirmação não confere com a nova senha.");

        HttpResponse<String> done = browser.postForm(
                path, Map.of("password", "nova-senha-1", "confirmPassword", "nova-senha-1", "_csrf", csrf));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValue("/login?invited");
        token(email, "nova-senha-1");

        HttpResponse<String> again = HttpFrom.withCookies("127.0.0.1", port).get(path);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("Este convite não vale mais");
        HttpResponse<String> reused = browser.postForm(
                path, Map.of("password", "terceira-senha-1", "confirmPassword", "terceira-senha-1", "_csrf", csrf));
        assertThat(reused.statusCode()).isEqualTo(404);
        token(email, "nova-senha-1");
    }

    @Test
    void anExpiredInvitationLinkNoLongerWorks() {
        String email = email("expirado");
        String url = JsonPath.read(
                http.postJson(
                                "/api/v1/users",
                                "{\"email\": \"%s\", \"name\": \"Atrasado\", \"role\": \"ADMIN\"}".formatted(email),
                                auth(admin))
                        .body(),
                "$.invitation.url");
        String path = URI.create(url).getPath();
        HttpFrom browser = HttpFrom.withCookies("127.0.0.1", port);
        String csrf = csrf(browser.get(path).body());
        jdbc.sql("update user_invitation set expires_at = now() - interval '1 second' where user_id ="
                        + " (select id from app_user where email = :e)")
                .param("e", email)
                .update();

        HttpResponse<String> late = browser.postForm(
                path, Map.of("password", "tarde-demais-1", "confirmPassword", "tarde-demais-1", "_csrf", csrf));
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(late.body()).contains("Este convite não vale mais");
        assertThat(http.apiLogin(email, "tarde-demais-1").statusCode()).isEqualTo(401);
        assertThat(browser.get("/invitation/" + "x".repeat(43)).statusCode()).isEqualTo(404);
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
