package br.com.vetric.notifications.internal;

import br.com.vetric.platform.Sql;
import br.com.vetric.notifications.WhatsAppProvider;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The WhatsApp settings of each condominium (one row). */
@Repository
public class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .param("condo", condo.value()).param("provider", s.provider().name())
                .param("eurl", s.evolutionUrl()).param("einst", s.evolutionInstance())
                .param("ekey", s.evolutionApiKey()).param("murl", s.metaBaseUrl())
                .param("mphone", s.metaPhoneNumberId()).param("mtoken", s.metaAccessToken())
                .param("mlang", s.metaLanguage()).param("managers", s.managerPhones().toArray(String[]::new))
                .param("now", Sql.ts(now)).update() > 0;
    }

    public Optional<StoredSettings> find(CondominiumId condo) {
        return jdbc.sql("select * from notification_settings where condominium_id = :condo")
                .param("condo", condo.value()).query(SettingsRepository::map).optional();
    }

    public void update(CondominiumId condo, StoredSettings s, Instant now) {
        jdbc.sql("""
                        update notification_settings set provider = :provider, evolution_url = :eurl,
                               evolution_instance = :einst, evolution_api_key = :ekey, meta_base_url = :murl,
                               meta_phone_number_id = :mphone, meta_access_token = :mtoken, meta_language = :mlang,
                               manager_phones = :managers, updated_at = :now
                         where condominium_id = :condo
                        """)
                .param("condo", condo.value()).param("provider", s.provider().name())
                .param("eurl", s.evolutionUrl()).param("einst", s.evolutionInstance())
                .param("ekey", s.evolutionApiKey()).param("murl", s.metaBaseUrl())
                .param("mphone", s.metaPhoneNumberId()).param("mtoken", s.metaAccessToken())
                .param("mlang", s.metaLanguage()).param("managers", s.managerPhones().toArray(String[]::new))
                .param("now", Sql.ts(now)).update();
    }

    private static StoredSettings map(ResultSet rs, int i) throws SQLException {
        String[] managers = (String[]) rs.getArray("manager_phones").getArray();
        return new StoredSettings(WhatsAppProvider.valueOf(rs.getString("provider")), rs.getString("evolution_url"),
                rs.getString("evolution_instance"), rs.getString("evolution_api_key"), rs.getString("meta_base_url"),
                rs.getString("meta_phone_number_id"), rs.getString("meta_access_token"),
                rs.getString("meta_language"), List.of(managers), Sql.instant(rs, "updated_at"));
    }
}
