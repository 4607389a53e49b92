package br.com.vetric.platform;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where VETRIC keeps its data. With no {@code url}, an embedded PostgreSQL is started whose files live under
 * {@code dataDir}/postgres and persist across restarts.
 *
 * @param url                JDBC URL of an external PostgreSQL ({@code VETRIC_DB_URL}); blank = embedded
 * @param username           user of the external database ({@code VETRIC_DB_USERNAME}); the application runs as it
 * @param password           password of the external database ({@code VETRIC_DB_PASSWORD})
 * @param migrationUsername  external database only, optional: the user that owns the schema and runs the Flyway
 *                           migrations ({@code VETRIC_DB_MIGRATION_USERNAME}); blank = {@code username} does both
 * @param migrationPassword  its password ({@code VETRIC_DB_MIGRATION_PASSWORD})
 * @param dataDir            folder for VETRIC's local files ({@code VETRIC_DATA_DIR})
 * @param embeddedPort       port of the embedded PostgreSQL, 0 = any free port
 * @param embeddedEphemeral  tests: a throw-away server shared by the JVM and a fresh database per context
 * @param requestConnectionTimeout longest wait of an HTTP request for a database connection, so that a database
 *                           outage is answered within seconds (background work waits the pool's usual 30 s, so that
 *                           a burst of work queues instead of failing)
 */
@Validated
@ConfigurationProperties("vetric.db")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        String migrationUsername,
        String migrationPassword,
        @DefaultValue("./data") @NotBlank String dataDir,
        @DefaultValue("0") @Min(0) int embeddedPort,
        boolean embeddedEphemeral,
        @DefaultValue("2s") Duration requestConnectionTimeout) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    boolean separateMigrationUser() {
        return external() && migrationUsername != null && !migrationUsername.isBlank();
    }

    /** The embedded PostgreSQL's own folder (its PGDATA). */
    public Path embeddedDataDirectory() {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres");
    }

    /** Where the data lives, for people: VETRIC's data directory or the external URL (without a password). */
    public String describeLocation() {
        return external()
                ? "the database at " + redact(url)
                : "the data directory " + Path.of(dataDir).toAbsolutePath().normalize();
    }

    static String redact(String url) {
        return url.replaceAll("password=[^&;]*", "password=***");
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + (external() ? redact(url) : "") + ", username=" + username
                + ", migrationUsername=" + migrationUsername + ", dataDir=" + dataDir + ", embeddedPort=" + embeddedPort
                + ", embeddedEphemeral=" + embeddedEphemeral + ", requestConnectionTimeout=" + requestConnectionTimeout
                + ", passwords=***]";
    }
}
