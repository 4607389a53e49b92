package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.VetricApplication;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.platform.TestDatabases;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.CveProFake;
import br.com.vetric.support.DatabaseDump;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An upgrade from the version before secrets were encrypted: a database at that version's schema (V30), with a
 * gateway key and token in clear and a gateway's response body in the delivery log, as that version wrote them.
 * The new version starts on it: the secrets are encrypted in place and still work, and the bodies are gone.
 */
class GatewaySecretsUpgradeTest extends NotificationWebSupport {

    static final String CLEAR_KEY = "legacy-clear-evolution-key-41d9";
    static final String CLEAR_TOKEN = "EAAG-legacy-clear-meta-token-8c2e";
    static final String LEAKED = "sk_live_LEGACY_ECHO_55aa";

    @Test
    void clearTextSecretsAndGatewayBodiesOfThePreviousVersionAreGoneAfterTheUpgradeAndSendingStillWorks() {
        String url = TestDatabases.newDatabaseUrl(); // the previous version's database, as its owner
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration")
                .target("30")
                .load()
                .migrate();

        JdbcClient old = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        long condo = old.sql("insert into condominium (name) values ('Condomínio Antigo') returning id")
                .query(Long.class)
                .single();
        old.sql("""
                        insert into notification_settings (condominium_id, provider, evolution_url, evolution_instance,
                               evolution_api_key, meta_base_url, meta_phone_number_id, meta_access_token, meta_language)
                        values (:c, 'EVOLUTION', :url, 'vetric-demo', :key, 'https://graph.facebook.com/v20.0', '1098765',
                               :token, 'pt_BR')""")
                .param("c", condo)
                .param("url", NotificationTestSupport.EVOLUTION.baseUrl())
                .param("key", CLEAR_KEY)
                .param("token", CLEAR_TOKEN)
                .update();
        String insert = """
                insert into notification_outbox (condominium_id, kind, subject, recipient, phone, body, status, attempts,
                       next_attempt_at, last_error, created_at, updated_at)
                values (:c, 'CHARGER_FAULTED', :subject, :recipient, '+5511972000001', 'texto', :status, :attempts, now(),
                       :error, now(), now())""";
        old.sql(insert)
                .param("c", condo)
                .param("subject", "old:1")
                .param("recipient", "manager:+5511972000001")
                .param("status", "FAILED")
                .param("attempts", 1)
                .param("error", "HTTP 400: {\"error\":\"invalid\",\"echo\":\"" + LEAKED + "\"}")
                .update();
        old.sql(insert)
                .param("c", condo)
                .param("subject", "old:2")
                .param("recipient", "manager:+5511972000001")
                .param("status", "FAILED")
                .param("attempts", 6)
                .param("error", "HTTP 503: " + LEAKED + " (after 6 attempts)")
                .update();
        old.sql(insert)
                .param("c", condo)
                .param("subject", "old:3")
                .param("recipient", "manager:+5511972000001")
                .param("status", "FAILED")
                .param("attempts", 6)
                .param("error", "network error: ConnectException (after 6 attempts)")
                .update();
        old.sql(insert)
                .param("c", condo)
                .param("subject", "old:4")
                .param("recipient", "resident:1")
                .param("status", "SKIPPED")
                .param("attempts", 0)
                .param("error", "morador inativo")
                .update();

        try (CveProFake cve = new CveProFake();
                ConfigurableApplicationContext upgraded = new SpringApplicationBuilder(VetricApplication.class)
                        .run(
                                "--spring.profiles.active=test",
                                "--server.port=0",
                                "--vetric.db.url=" + url,
                                "--vetric.db.username=postgres",
                                "--vetric.db.embedded-ephemeral=false",
                                "--vetric.cpms.url=" + cve.baseUrl(),
                                "--vetric.cpms.api-key=" + CveProFake.API_KEY,
                                "--vetric.cpms.email=" + CveProFake.EMAIL,
                                "--vetric.cpms.password=" + CveProFake.PASSWORD,
                                "--vetric.notifications.scheduler-enabled=false")) {
            JdbcClient db = upgraded.getBean(JdbcClient.class);
            Map<String, Object> settings = db.sql("select * from notification_settings where condominium_id = :c")
                    .param("c", condo)
                    .query()
                    .singleRow();
            assertThat((String) settings.get("evolution_api_key"))
                    .startsWith("v1:")
                    .doesNotContain(CLEAR_KEY);
            assertThat((String) settings.get("meta_access_token"))
                    .startsWith("v1:")
                    .doesNotContain(CLEAR_TOKEN);
            for (String secret : new String[] {CLEAR_KEY, CLEAR_TOKEN, LEAKED}) {
                assertThat(DatabaseDump.tablesContaining(db, secret)).as(secret).isEmpty();
            }
            assertThat(db.sql("select subject, last_status_code, last_reason, last_error from notification_outbox "
                                    + "order by subject")
                            .query()
                            .listOfRows())
                    .containsExactly(
                            row("old:1", 400, "GATEWAY_REJECTED", null), row("old:2", 503, "GATEWAY_ERROR", null),
                            row("old:3", null, "NETWORK", null), row("old:4", null, null, "morador inativo"));

            Notifications notifications = upgraded.getBean(Notifications.class);
            CondominiumId id = upgraded.getBean(Condominiums.class).primary().id();
            assertThat(id.value()).isEqualTo(condo);
            assertThat(notifications.settings(id).evolutionApiKeyConfigured()).isTrue();
            assertThat(notifications.sendTest(id, "(11) 97200-0002").accepted()).isTrue();
            assertThat(requestsTo("5511972000002"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getHeader("apikey")).isEqualTo(CLEAR_KEY));
        }
    }

    private static Map<String, Object> row(String subject, Integer code, String reason, String error) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("subject", subject);
        row.put("last_status_code", code);
        row.put("last_reason", reason);
        row.put("last_error", error);
        return row;
    }
}
