package br.com.vetric.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.integrations.IntegrationsProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSRF guard of webhook URLs, with and without {@code VETRIC_WEBHOOKS_ALLOW_PRIVATE}. */
class WebhookSenderTest {

    static WebhookSender sender(boolean allowPrivate) {
        return new WebhookSender(new IntegrationsProperties(
                100,
                allowPrivate,
                false,
                Duration.ofSeconds(1),
                List.of(Duration.ofSeconds(5)),
                0.2,
                Duration.ofDays(3),
                Duration.ofHours(24),
                Duration.ofDays(7),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                50));
    }

    @Test
    void withoutTheSettingPrivateLoopbackAndPlainHttpAddressesAreRefused() {
        WebhookSender s = sender(false);
        assertThat(s.refusal("https://127.0.0.1/hook")).contains("private");
        assertThat(s.refusal("https://localhost/hook")).contains("private");
        assertThat(s.refusal("https://10.1.2.3/hook")).contains("private");
        assertThat(s.refusal("https://192.168.0.10/hook")).contains("private");
        assertThat(s.refusal("https://172.20.0.1/hook")).contains("private");
        assertThat(s.refusal("https://[::1]/hook")).contains("private");
        assertThat(s.refusal("https://[fd00::1]/hook")).contains("private");
        assertThat(s.refusal("https://169.254.169.254/latest")).contains("metadata");
        assertThat(s.refusal("https://224.0.0.1/")).contains("multicast");
        assertThat(s.refusal("http://93.184.215.14/hook")).isEqualTo("must use https");
        assertThat(s.refusal("https://93.184.215.14/hook")).isNull();
        assertThat(s.refusal("https://user:pw@93.184.215.14/hook")).contains("user");
    }

    @Test
    void aPrivateAddressIsNeverCalledWithoutTheSettingEvenIfItWasSavedBefore() {
        WebhookSender.Outcome o = sender(false).send("https://127.0.0.1:9/hook", "msg_x", 1, "v1,x", "{}");
        assertThat(o.code()).isNull();
        assertThat(o.error()).startsWith("URL refused");
    }

    @Test
    void withTheSettingLoopbackAndHttpAreAllowedButMetadataIsNot() {
        WebhookSender s = sender(true);
        assertThat(s.refusal("http://127.0.0.1:8080/hook")).isNull();
        assertThat(s.refusal("http://10.0.0.5/hook")).isNull();
        assertThat(s.refusal("http://169.254.169.254/latest")).isNotNull();
        assertThat(s.refusal("ftp://10.0.0.5/hook")).isEqualTo("must use https");
    }
}
