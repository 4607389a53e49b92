package br.com.vetric.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.identity.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CredentialsTest {

    private static IdentityProperties props(String adminPassword, String secret) {
        return new IdentityProperties("ops@example.com", adminPassword, secret, null, null, null);
    }

    private static MockEnvironment realCvePro() {
        return new MockEnvironment().withProperty("vetric.cpms.url", "https://cs.intelbras-cve-pro.com.br");
    }

    @Test
    void outsideTheDemoAMissingSigningSecretRefusesToStart() {
        assertThatThrownBy(() -> new Credentials(props("a-strong-password", null), realCvePro()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VETRIC_JWT_SECRET");
    }

    @Test
    void outsideTheDemoAMissingAdminPasswordRefusesToStart() {
        assertThatThrownBy(() -> new Credentials(props(" ", "0123456789abcdef0123456789abcdef"), realCvePro()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VETRIC_ADMIN_PASSWORD");
    }

    @Test
    void aShortSecretIsRefusedEverywhere() {
        assertThatThrownBy(() -> new Credentials(props("x", "short"), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
    }

    @Test
    void theDemoGetsARandomKeyAndTheDocumentedAdminPassword() {
        Credentials a = new Credentials(props(null, null), new MockEnvironment());
        Credentials b = new Credentials(props(null, null), new MockEnvironment());
        assertThat(a.adminPassword()).isEqualTo(Credentials.DEMO_ADMIN_PASSWORD);
        assertThat(a.signingKey().getEncoded()).isNotEqualTo(b.signingKey().getEncoded());
    }
}
