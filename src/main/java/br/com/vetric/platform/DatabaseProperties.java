package br.com.vetric.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where VETRIC keeps its data. With no {@code url}, an embedded PostgreSQL is started whose files live
 * under {@code dataDir}/postgres and persist across restarts.
 *
 * @param url               JDBC URL of an external PostgreSQL ({@code VETRIC_DB_URL}); blank = embedded
 * @param username          user of the external database ({@code VETRIC_DB_USERNAME})
 * @param password          password of the external database ({@code VETRIC_DB_PASSWORD})
 * @param dataDir           folder for VETRIC's local files ({@code VETRIC_DATA_DIR})
 * @param embeddedPort      port of the embedded PostgreSQL, 0 = any free port
 * @param embeddedEphemeral tests: a throw-away server shared by the JVM and a fresh database per context
 */
@ConfigurationProperties("vetric.db")
public record DatabaseProperties(String url, String username, String password, String dataDir,
                                 Integer embeddedPort, boolean embeddedEphemeral) {

    public DatabaseProperties {
        dataDir = (dataDir == null || dataDir.isBlank()) ? "./data" : dataDir;
        embeddedPort = embeddedPort == null ? 0 : embeddedPort;
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
