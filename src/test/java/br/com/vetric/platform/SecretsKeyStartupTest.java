package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.VetricApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the demo (a CVE-PRO configured) VETRIC does not start without VETRIC_SECRETS_KEY, and says how to make one. */
class SecretsKeyStartupTest {

    @Test
    void outsideTheDemoTheApplicationRefusesToStartWithoutASecretsKey() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(VetricApplication.class)
                        .run(
                                "--spring.profiles.active=test",
                                "--server.port=0",
                                "--vetric.secrets.key=",
                                "--vetric.cpms.url=http://127.0.0.1:9",
                                "--vetric.cpms.api-key=k",
                                "--vetric.cpms.email=e@x",
                                "--vetric.cpms.password=p")
                        .close())
                .satisfies(e -> {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("VETRIC_SECRETS_KEY is required")
                            .hasMessageContaining("openssl rand -base64 32");
                });
    }
}
