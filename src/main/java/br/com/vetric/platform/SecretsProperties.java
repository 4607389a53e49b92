package br.com.vetric.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts third parties' keys and tokens stored in the database.
 *
 * @param key base64 of 32 random bytes ({@code VETRIC_SECRETS_KEY}, e.g. {@code openssl rand -base64 32});
 *            required outside the demo. In the demo, when blank, a key is generated once into
 *            {@code <data dir>/secrets.key} and reused on later starts.
 */
@ConfigurationProperties("vetric.secrets")
public record SecretsProperties(String key) {

    @Override
    public String toString() { // never print the key
        return "SecretsProperties[key=" + (key == null || key.isBlank() ? "(none)" : "***") + "]";
    }
}
