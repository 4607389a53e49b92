package br.com.vetric.residentapp;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.residents.Resident;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResidentSignInTest extends ResidentAppSupport {

    @Test
    void aCodeSentByWhatsAppTradesForATokenOfTheResident() throws Exception {
        String phone = newPhone();
        Resident r = resident(primary(), "Marina Sign-in", phone);

        HttpResponse<String> asked = askCode(phone);
        assertThat(asked.statusCode()).isEqualTo(202);
        String code = codeSentTo(phone, 1);
        assertThat(textsTo(phone).getFirst()).contains("código de acesso").contains(code);

        HttpResponse<String> token = trade(phone, code, null);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json(token).path("expiresAt").asString()).isNotBlank();
        assertThat(json(token).path("resident").path("id").asLong()).isEqualTo(r.id());
        assertThat(json(token).path("resident").path("condominium").path("id").asLong())
                .isEqualTo(primary().value());

        HttpResponse<String> me =
                call("GET", "/api/v1/me", json(token).path("token").asString(), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("name").asString()).isEqualTo("Marina Sign-in");

        // the delivery log keeps the message without the code, and the code table only a hash
        assertThat(jdbc.sql("select body from notification_outbox where kind = 'SIGN_IN_CODE' and phone = :p")
                        .param("p", "+" + digits(phone))
                        .query(String.class)
                        .single())
                .doesNotContain(code);
        assertThat(jdbc.sql("select code_hash from resident_sign_in_code where phone = :p")
                        .param("p", "+" + digits(phone))
                        .query(String.class)
                        .single())
                .doesNotContain(code);
        assertThat(jdbc.sql("select app_activated_at is not null from resident where id = :id")
                        .param("id", r.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aPhoneThatIsNoResidentsGetsTheSameAnswerAndNoMessage() throws Exception {
        String phone = newPhone();
        String known = newPhone();
        resident(primary(), "Known Resident", known);

        HttpResponse<String> unknown = askCode(phone);
        HttpResponse<String> resident = askCode(known);

        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(resident.body());
        codeSentTo(known, 1);
        assertThat(textsTo(phone)).isEmpty();
        assertThat(askCode("abc").statusCode()).isEqualTo(400);
        assertThat(askCode("abc").body()).contains("phone");
    }

    @Test
    void aWrongCodeIsRefusedInPortugueseAndFiveWrongTriesVoidTheCode() throws Exception {
        String phone = newPhone();
        resident(primary(), "Wrong Tries", phone);
        askCode(phone);
        String code = codeSentTo(phone, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = trade(phone, wrong, null);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).path("message").asString()).contains("Código inválido ou expirado");
        }
        assertThat(trade(phone, code, null).statusCode()).isEqualTo(401); // void now
    }

    @Test
    void aCodeWorksOnceAndOnlyTheNewestCodeWorks() throws Exception {
        String phone = newPhone();
        resident(primary(), "Once Only", phone);
        askCode(phone);
        String first = codeSentTo(phone, 1);
        askCode(phone);
        String second = codeSentTo(phone, 2);

        if (!first.equals(second)) {
            assertThat(trade(phone, first, null).statusCode()).isEqualTo(401);
        }
        assertThat(trade(phone, second, null).statusCode()).isEqualTo(200);
        assertThat(trade(phone, second, null).statusCode()).isEqualTo(401);
    }

    @Test
    void atMostThreeCodesGoToAPhoneWithinFifteenMinutes() throws Exception {
        String phone = newPhone();
        resident(primary(), "Three Codes", phone);

        for (int i = 0; i < 4; i++) {
            assertThat(askCode(phone).statusCode()).isEqualTo(202);
        }

        codeSentTo(phone, 3);
        org.awaitility.Awaitility.await()
                .during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(3))
                .until(() -> textsTo(phone).size() == 3);
    }

    @Test
    void oneAddressAskingTooOftenWaits() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(askCode(newPhone()).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> throttled = askCode(newPhone());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aResidentOfTwoCondominiumsChoosesOne() throws Exception {
        String phone = newPhone();
        Condominium other = condominiums.create("Outro Residencial " + System.nanoTime());
        resident(primary(), "Two Homes", phone);
        Resident there = resident(other.id(), "Two Homes", phone);
        askCode(phone);
        String code = codeSentTo(phone, 1);

        HttpResponse<String> choose = trade(phone, code, null);
        assertThat(choose.statusCode()).isEqualTo(409);
        assertThat(json(choose).path("choices").size()).isEqualTo(2);

        HttpResponse<String> token = trade(phone, code, other.id().value());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json(token).path("resident").path("id").asLong()).isEqualTo(there.id());
        assertThat(json(token).path("resident").path("condominium").path("id").asLong())
                .isEqualTo(other.id().value());
    }

    @Test
    void aResidentDeactivatedOrWithoutAppAccessLosesAccessAtOnce() throws Exception {
        String phone = newPhone();
        Resident r = resident(primary(), "Soon Gone", phone);
        String token = signIn(phone);
        assertThat(call("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(200);

        jdbc.sql("update resident set app_access = false where id = :id")
                .param("id", r.id())
                .update();
        assertThat(call("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(401);

        jdbc.sql("update resident set app_access = true where id = :id")
                .param("id", r.id())
                .update();
        assertThat(call("GET", "/api/v1/me", token, null).statusCode())
                .as("a token from before the switch stays dead")
                .isEqualTo(401);
        String again = signIn(phone);
        assertThat(call("GET", "/api/v1/me", again, null).statusCode()).isEqualTo(200);

        residents.deactivate(primary(), r.id());
        assertThat(call("GET", "/api/v1/me", again, null).statusCode()).isEqualTo(401);
        askCode(phone);
        assertThat(textsTo(phone)).hasSize(2); // nothing sent to a deactivated resident
    }

    @Test
    void aResidentGetsForbiddenOnEveryManagerEndpoint() throws Exception {
        String phone = newPhone();
        Resident r = resident(primary(), "Curious Resident", phone);
        String token = signIn(phone);

        for (String path : new String[] {
            "/api/v1/residents",
            "/api/v1/residents/" + r.id(),
            "/api/v1/sessions",
            "/api/v1/chargers",
            "/api/v1/consumption",
            "/api/v1/notifications",
            "/api/v1/account",
            "/api/v1/condominiums"
        }) {
            assertThat(call("GET", path, token, null).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(call("POST", "/api/v1/residents", token, "{\"name\":\"X\",\"apartment\":\"1\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("PUT", "/api/v1/residents/" + r.id() + "/app-access", token, "{\"enabled\":false}")
                        .statusCode())
                .isEqualTo(403);
    }
}
