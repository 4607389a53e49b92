package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.WhatsAppProvider;
import br.com.vetric.platform.SecretBox;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The WhatsApp settings of each condominium (one row). The Evolution key and the Meta token are stored encrypted
 * ({@link SecretBox}), each bound to its column and condominium.
 */
@Repository
public class SettingsRepository {

    static final String EVOLUTION_KEY = "evolution_api_key";
    static final String META_TOKEN = "meta_access_token";

    private final JdbcClient jdbc;
    private final SecretBox box;

    SettingsRepository(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** Inserts the settings if the condominium has none; returns whether it did. */
    public boolean insertIfMissing(CondominiumId condo, StoredSettings s, Instant now) {
        return jdbc.sql("""
                        insert into notification_settings (condominium_id, provider, evolution_url, evolution_instance,
                               evolution_api_key, meta_base_url, meta_phone_number_id, meta_access_token, meta_language,
                               manager_phones, updated_at)
                        values (:condo, :provider, :eurl, :einst, :ekey, :murl, :mphone, :mtoken, :mlang, :managers, :now)
                        on conflict (condominium_id) do nothing
                        """)
                        .param("condo", condo.value())
                        .param("provider", s.provider().name())
                        .param("eurl", s.evolutionUrl())
                        .param("einst", s.evolutionInstance())
                        .param("ekey", box.encrypt(s.evolutionApiKey(), context(EVOLUTION_KEY, condo.value())))
                        .param("murl", s.metaBaseUrl())
                        .param("mphone", s.metaPhoneNumberId())
                        .param("mtoken", box.encrypt(s.metaAccessToken(), context(META_TOKEN, condo.value())))
                        .param("mlang", s.metaLanguage())
                        .param("managers", s.managerPhones().toArray(String[]::new))
                        .param("now", Sql.ts(now))
                        .update()
                > 0;
    }

    public Optional<StoredSettings> find(CondominiumId condo) {
        return jdbc.sql("select * from notification_settings where condominium_id = :condo")
                .param("condo", condo.value())
                .query(this::map)
                .optional();
    }

    public void update(CondominiumId condo, StoredSettings s, Instant now) {
        jdbc.sql("""
                        update notification_settings set provider = :provider, evolution_url = :eurl,
                               evolution_instance = :einst, evolution_api_key = :ekey, meta_base_url = :murl,
                               meta_phone_number_id = :mphone, meta_access_token = :mtoken, meta_language = :mlang,
                               manager_phones = :managers, updated_at = :now
                         where condominium_id = :condo
                        """)
                .param("condo", condo.value())
                .param("provider", s.provider().name())
                .param("eurl", s.evolutionUrl())
                .param("einst", s.evolutionInstance())
                .param("ekey", box.encrypt(s.evolutionApiKey(), context(EVOLUTION_KEY, condo.value())))
                .param("murl", s.metaBaseUrl())
                .param("mphone", s.metaPhoneNumberId())
                .param("mtoken", box.encrypt(s.metaAccessToken(), context(META_TOKEN, condo.value())))
                .param("mlang", s.metaLanguage())
                .param("managers", s.managerPhones().toArray(String[]::new))
                .param("now", Sql.ts(now))
                .update();
    }

    /**
     * Encrypts the secrets an older version stored in clear (any value without the {@link SecretBox#PREFIX}).
     * Idempotent, and safe beside another process doing the same: a value is replaced only if it is still the
     * clear text that was read. Returns how many values it encrypted.
     */
    int encryptClearText() {
        int done = 0;
        for (String column : List.of(EVOLUTION_KEY, META_TOKEN)) {
            List<ClearValue> clear = jdbc.sql(
                            "select condominium_id, " + column + " as value from notification_settings" + " where "
                                    + column + " is not null and " + column + " not like :prefix")
                    .param("prefix", SecretBox.PREFIX + "%")
                    .query((rs, i) -> new ClearValue(rs.getLong("condominium_id"), rs.getString("value")))
                    .list();
            for (ClearValue v : clear) {
                done += jdbc.sql("update notification_settings set " + column + " = :sealed"
                                + " where condominium_id = :condo and " + column + " = :clear")
                        .param("sealed", box.encrypt(v.value(), context(column, v.condo())))
                        .param("condo", v.condo())
                        .param("clear", v.value())
                        .update();
            }
        }
        return done;
    }

    private record ClearValue(long condo, String value) {
        @Override
        public String toString() {
            return "ClearValue[condo=" + condo + "]";
        }
    }

    /** Binds a stored secret to its column and condominium: moved elsewhere, it does not decrypt. */
    static String context(String column, long condo) {
        return "notification_settings." + column + ":" + condo;
    }

    private StoredSettings map(ResultSet rs, int i) throws SQLException {
        long condo = rs.getLong("condominium_id");
        String[] managers = (String[]) rs.getArray("manager_phones").getArray();
        return new StoredSettings(
                WhatsAppProvider.valueOf(rs.getString("provider")),
                rs.getString("evolution_url"),
                rs.getString("evolution_instance"),
                secret(rs, EVOLUTION_KEY, condo),
                rs.getString("meta_base_url"),
                rs.getString("meta_phone_number_id"),
                secret(rs, META_TOKEN, condo),
                rs.getString("meta_language"),
                List.of(managers),
                Sql.instant(rs, "updated_at"));
    }

    /** Decrypts a stored secret; clear text (an older version's, encrypted at the next start) is read as is. */
    private String secret(ResultSet rs, String column, long condo) throws SQLException {
        String stored = rs.getString(column);
        if (stored == null || !SecretBox.isEncrypted(stored)) {
            return stored;
        }
        try {
            return box.decrypt(stored, context(column, condo));
        } catch (SecretBox.UnreadableSecretException e) {
            throw new IllegalStateException(
                    e.getMessage() + ". Start with the VETRIC_SECRETS_KEY it was saved with, "
                            + "or clear it (update notification_settings set " + column
                            + " = null where condominium_id = "
                            + condo + ") and enter it again in Administração > WhatsApp",
                    e);
        }
    }
}
