package br.com.vetric.identity;

import static br.com.vetric.support.WebFixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.WebTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API tokens carry and need iss, aud, sub, iat, exp (and the credentials version), live 1 h by default; a
 * password over BCrypt's 72 bytes is a 400 naming the field (or a plain failed login), never a 500.
 */
@WebTest
class TokenRulesTest {

    /** 37 × "á" = 37 characters but 74 bytes in UTF-8. */
    static final String OVER_72_BYTES = "á".repeat(37);

    @Autowired
    MockMvc mvc;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Test
    void issuedTokensNameIssuerAudienceSubjectAndLiveOneHour() throws Exception {
        String token = br.com.vetric.support.WebFixtures.apiToken(mvc, "admin@vetric.test", "admin-test-password");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(payload, "$.iss")).isEqualTo("vetric");
        assertThat(JsonPath.<Object>read(payload, "$.aud").toString()).contains("vetric-api");
        assertThat((String) JsonPath.read(payload, "$.sub")).matches("\\d+");
        long iat = ((Number) JsonPath.read(payload, "$.iat")).longValue();
        long exp = ((Number) JsonPath.read(payload, "$.exp")).longValue();
        assertThat(exp - iat).isEqualTo(Duration.ofHours(1).toSeconds());
    }

    @Test
    void tokensMissingARequiredClaimOrForAnotherIssuerOrAudienceAreRefused() throws Exception {
        AuthenticatedUser admin = users.authenticate("admin@vetric.test", "admin-test-password");
        assertThat(call(token(admin, c -> {}))).as("a well-formed token").isEqualTo(200);
        Map<String, Consumer<JwtClaimsSet.Builder>> broken = Map.of(
                "no exp", c -> c.claims(m -> m.remove("exp")),
                "no iat", c -> c.claims(m -> m.remove("iat")),
                "no sub", c -> c.claims(m -> m.remove("sub")),
                "no ver", c -> c.claims(m -> m.remove("ver")),
                "other issuer", c -> c.issuer("someone-else"),
                "no issuer", c -> c.claims(m -> m.remove("iss")),
                "other audience", c -> c.audience(List.of("another-api")),
                "no audience", c -> c.claims(m -> m.remove("aud")),
                "expired",
                        c -> c.issuedAt(Instant.now().minusSeconds(7200))
                                .expiresAt(Instant.now().minusSeconds(3600)),
                "stale version", c -> c.claim("ver", admin.credentialsVersion() + 1));
        for (var e : broken.entrySet()) {
            assertThat(call(token(admin, e.getValue()))).as(e.getKey()).isEqualTo(401);
        }
    }

    @Test
    void aPasswordOver72BytesIsA400NamingTheFieldOrAFailedLoginNeverA500() throws Exception {
        assertThat(OVER_72_BYTES.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"admin@vetric.test\",\"password\":\"" + OVER_72_BYTES + "\"}"))
                .andExpect(status().isUnauthorized());

        String email = "long-" + System.nanoTime() + "@vetric.test";
        users.create(email, "Longa", Role.CLIENTE, condominiums.primary().id().value(), "short-enough-1");
        String token = br.com.vetric.support.WebFixtures.apiToken(mvc, email, "short-enough-1");
        mvc.perform(post("/api/v1/account/password")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"short-enough-1\",\"newPassword\":\"" + OVER_72_BYTES + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.detail", containsString("72 bytes")));

        mvc.perform(post("/admin/users")
                        .with(admin(users))
                        .with(csrf())
                        .param("email", "x-" + email)
                        .param("name", "X")
                        .param("role", "ADMIN")
                        .param("password", OVER_72_BYTES))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A senha pode ter no máximo 72 bytes")));
        long id = users.list().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(post("/admin/users/" + id + "/password")
                        .with(admin(users))
                        .with(csrf())
                        .param("password", OVER_72_BYTES))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "users.error.passwordLong"));
        mvc.perform(post("/account/password")
                        .with(br.com.vetric.support.WebFixtures.as(users, email, "short-enough-1"))
                        .with(csrf())
                        .param("currentPassword", "short-enough-1")
                        .param("newPassword", OVER_72_BYTES)
                        .param("confirmPassword", OVER_72_BYTES))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A nova senha pode ter no máximo 72 bytes")))
                .andExpect(content().string(not(containsString("Senha alterada"))));
        assertThat(users.authenticate(email, "short-enough-1").email()).isEqualTo(email);
    }

    private int call(String token) throws Exception {
        return mvc.perform(get("/api/v1/chargers").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String token(AuthenticatedUser user, Consumer<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("vetric")
                .audience(List.of("vetric-api"))
                .subject(Long.toString(user.id()))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .claim("ver", user.credentialsVersion());
        change.accept(claims);
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }
}
