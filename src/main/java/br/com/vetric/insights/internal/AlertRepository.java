package br.com.vetric.insights.internal;

import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts' settings per condominium and the incidents raised (one row per kind, subject and period, ever). */
@Repository
public class AlertRepository {

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AlertSettings> settings(CondominiumId condo) {
        return jdbc.sql("select * from insight_alert_settings where condominium_id = :condo")
                .param("condo", condo.value())
                .query((rs, i) -> new AlertSettings(
                        rs.getBoolean("consumption_enabled"),
                        rs.getBigDecimal("consumption_z"),
                        rs.getBoolean("abnormal_ends_enabled"),
                        rs.getBigDecimal("abnormal_ends_sigmas"),
                        rs.getBoolean("low_energy_enabled"),
                        rs.getInt("low_energy_percent"),
                        rs.getBoolean("unknown_tag_enabled"),
                        rs.getInt("unknown_tag_uses")))
                .optional();
    }

    public void save(CondominiumId condo, AlertSettings s, Instant now) {
        jdbc.sql("""
                        insert into insight_alert_settings (condominium_id, consumption_enabled, consumption_z,
                               abnormal_ends_enabled, abnormal_ends_sigmas, low_energy_enabled, low_energy_percent,
                               unknown_tag_enabled, unknown_tag_uses, updated_at)
                        values (:condo, :ce, :cz, :ae, :as, :le, :lp, :ue, :uu, :now)
                        on conflict (condominium_id) do update set consumption_enabled = excluded.consumption_enabled,
                               consumption_z = excluded.consumption_z,
                               abnormal_ends_enabled = excluded.abnormal_ends_enabled,
                               abnormal_ends_sigmas = excluded.abnormal_ends_sigmas,
                               low_energy_enabled = excluded.low_energy_enabled,
                               low_energy_percent = excluded.low_energy_percent,
                               unknown_tag_enabled = excluded.unknown_tag_enabled,
                               unknown_tag_uses = excluded.unknown_tag_uses, updated_at = excluded.updated_at
                        """)
                .param("condo", condo.value())
                .param("ce", s.consumptionEnabled())
                .param("cz", s.consumptionZ())
                .param("ae", s.abnormalEndsEnabled())
                .param("as", s.abnormalEndsSigmas())
                .param("le", s.lowEnergyEnabled())
                .param("lp", s.lowEnergyPercent())
                .param("ue", s.unknownTagEnabled())
                .param("uu", s.unknownTagUses())
                .param("now", Sql.ts(now))
                .update();
    }

    /** Records the incident; false when it had already been raised (nothing new to send). */
    public boolean raise(
            CondominiumId condo, Unusual.Kind kind, String subject, String period, String reason, Instant at) {
        return jdbc.sql("""
                        insert into insight_alert (condominium_id, kind, subject, period, reason, raised_at)
                        values (:condo, :kind, :subject, :period, :reason, :at)
                        on conflict (condominium_id, kind, subject, period) do nothing
                        """)
                        .param("condo", condo.value())
                        .param("kind", kind.name())
                        .param("subject", subject)
                        .param("period", period)
                        .param("reason", reason)
                        .param("at", Sql.ts(at))
                        .update()
                == 1;
    }
}
