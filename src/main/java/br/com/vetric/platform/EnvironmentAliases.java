package br.com.vetric.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The environment variables the README documents, and the setting each one sets. A variable that is set (even to an
 * empty value) overrides {@code application.yml}; one that is not set leaves the setting to its default, which lives
 * in one place only: the module's settings record ({@code @DefaultValue}). Command-line arguments and system
 * properties still win over both.
 */
public class EnvironmentAliases implements EnvironmentPostProcessor {

    /** Spring Boot's structured console logs; {@code VETRIC_LOG_FORMAT=json} means its ECS JSON, empty/text plain. */
    static final String LOG_FORMAT = "logging.structured.format.console";

    /** Environment variable → setting. */
    public static final Map<String, String> ALIASES = aliases();

    private static Map<String, String> aliases() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("VETRIC_PORT", "server.port");
        a.put("VETRIC_TRUSTED_PROXIES", "server.tomcat.remoteip.internal-proxies");
        a.put("VETRIC_DB_URL", "vetric.db.url");
        a.put("VETRIC_DB_USERNAME", "vetric.db.username");
        a.put("VETRIC_DB_PASSWORD", "vetric.db.password");
        a.put("VETRIC_DB_MIGRATION_USERNAME", "vetric.db.migration-username");
        a.put("VETRIC_DB_MIGRATION_PASSWORD", "vetric.db.migration-password");
        a.put("VETRIC_DATA_DIR", "vetric.db.data-dir");
        a.put("VETRIC_SECRETS_KEY", "vetric.secrets.key");
        a.put("VETRIC_CPMS_URL", "vetric.cpms.url");
        a.put("VETRIC_CPMS_API_KEY", "vetric.cpms.api-key");
        a.put("VETRIC_CPMS_EMAIL", "vetric.cpms.email");
        a.put("VETRIC_CPMS_PASSWORD", "vetric.cpms.password");
        a.put("VETRIC_CPMS_TIMEOUT", "vetric.cpms.timeout");
        a.put("VETRIC_CPMS_TRANSACTION_WINDOW", "vetric.cpms.transaction-window");
        a.put("VETRIC_POLL_INTERVAL", "vetric.sync.poll-interval");
        a.put("VETRIC_SYNC_ENABLED", "vetric.sync.enabled");
        a.put("VETRIC_POLL_LEASE", "vetric.sync.lease-duration");
        a.put("VETRIC_CHARGER_OFFLINE_AFTER", "vetric.chargers.offline-after");
        a.put("VETRIC_STATUS_HISTORY_RETENTION", "vetric.chargers.status-history-retention");
        a.put("VETRIC_SESSION_STUCK_AFTER", "vetric.sessions.stuck-after");
        a.put("VETRIC_CONDOMINIUM_NAME", "vetric.condominium.name");
        a.put("VETRIC_ADMIN_EMAIL", "vetric.identity.admin-email");
        a.put("VETRIC_ADMIN_PASSWORD", "vetric.identity.admin-password");
        a.put("VETRIC_JWT_SECRET", "vetric.identity.jwt-secret");
        a.put("VETRIC_TOKEN_TTL", "vetric.identity.token-ttl");
        a.put("VETRIC_PUSH_ALLOW_INSECURE", "vetric.resident-app.push-allow-insecure");
        a.put("VETRIC_WHATSAPP_PROVIDER", "vetric.notifications.provider");
        a.put("VETRIC_EVOLUTION_URL", "vetric.notifications.evolution-url");
        a.put("VETRIC_EVOLUTION_API_KEY", "vetric.notifications.evolution-api-key");
        a.put("VETRIC_EVOLUTION_INSTANCE", "vetric.notifications.evolution-instance");
        a.put("VETRIC_META_BASE_URL", "vetric.notifications.meta-base-url");
        a.put("VETRIC_META_PHONE_NUMBER_ID", "vetric.notifications.meta-phone-number-id");
        a.put("VETRIC_META_ACCESS_TOKEN", "vetric.notifications.meta-access-token");
        a.put("VETRIC_META_LANGUAGE", "vetric.notifications.meta-language");
        a.put("VETRIC_MANAGER_PHONES", "vetric.notifications.manager-phones");
        a.put("VETRIC_NOTIFICATIONS_SCHEDULER_ENABLED", "vetric.notifications.scheduler-enabled");
        a.put("VETRIC_NOTIFICATIONS_TICK", "vetric.notifications.tick");
        a.put("VETRIC_NOTIFICATIONS_MAX_ATTEMPTS", "vetric.notifications.max-attempts");
        a.put("VETRIC_NOTIFICATIONS_STALE_START_AFTER", "vetric.notifications.stale-start-after");
        a.put("VETRIC_REPORTS_DIR", "vetric.reports.storage-dir");
        a.put("VETRIC_REPORTS_STATEMENT_CRON", "vetric.reports.statement-cron");
        a.put("VETRIC_REPORTS_STATEMENT_SCHEDULE", "vetric.reports.statement-schedule");
        a.put("VETRIC_SIMULATOR_PORT", "vetric.demo.simulator-port");
        a.put("VETRIC_METRICS_TOKEN", "vetric.metrics.token");
        a.put("VETRIC_API_RATE_LIMIT", "vetric.integrations.rate-limit-per-minute");
        a.put("VETRIC_WEBHOOKS_ALLOW_PRIVATE", "vetric.integrations.webhooks-allow-private");
        a.put("VETRIC_WEBHOOKS_ENABLED", "vetric.integrations.webhooks-enabled");
        a.put("VETRIC_LOG_FORMAT", LOG_FORMAT);
        return java.util.Collections.unmodifiableMap(a);
    }

    /**
     * {@code json} (or {@code ecs}): one JSON object per line in Elastic Common Schema; {@code logstash} and
     * {@code gelf} as Spring Boot names them; empty or {@code text}: the usual lines.
     */
    static String logFormat(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "", "text", "plain" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash", "gelf" -> v;
            default ->
                throw new IllegalArgumentException(
                        "VETRIC_LOG_FORMAT must be json, logstash, gelf or text, not " + value);
        };
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new LinkedHashMap<>();
        ALIASES.forEach((variable, setting) -> {
            String value = System.getenv(variable);
            if (value != null && setting.equals(LOG_FORMAT)) {
                String format = logFormat(value);
                if (format != null) {
                    values.put(setting, format);
                }
            } else if (value != null) {
                values.put(setting, value);
            }
        });
        if (values.isEmpty()) {
            return;
        }
        MapPropertySource source = new MapPropertySource("vetricEnvironmentVariables", values);
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment
                    .getPropertySources()
                    .addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }
}
