package br.com.vetric.platform;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The {@link SecretBox}, with its key from {@code VETRIC_SECRETS_KEY} or, in the demo, the data directory. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretBox secretBox(SecretsProperties secrets, DatabaseProperties db, Environment env) {
        boolean demo = env.getProperty("vetric.cpms.url", "").isBlank();
        return new SecretBox(SecretsKey.resolve(secrets.key(), demo, Path.of(db.dataDir())));
    }
}
