package br.com.vetric.support;

import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.Zones;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finished sessions written straight into {@code charging_session} (on charger "Garagem 1", connector 1), for tests of
 * what is done with recorded sessions: statements, pages, exports.
 */
public final class SessionRows {

    private SessionRows() {}

    /**
     * A finished session between two São Paulo times ({@code yyyy-MM-ddTHH:mm}); a session without resident is recorded
     * as an unregistered tag.
     *
     * @return its id
     */
    public static long finished(
            JdbcClient jdbc,
            CondominiumId condo,
            long externalTransactionId,
            String start,
            String end,
            long wh,
            Long resident,
            String tag) {
        return jdbc.sql("""
                        insert into charging_session (condominium_id, external_transaction_id, charger_uuid, charger_name,
                               connector_id, id_tag, resident_id, status, started_at, ended_at, energy_wh, idle_seconds,
                               unidentified_reason)
                        values (:c, :tx, 'uuid-test', 'Garagem 1', 1, :tag, :r, 'FINISHED', :s, :e, :wh, 0, :why)
                        returning id""")
                .param("c", condo.value())
                .param("tx", externalTransactionId)
                .param("tag", tag)
                .param("r", resident)
                .param(
                        "s",
                        Timestamp.from(LocalDateTime.parse(start)
                                .atZone(Zones.SAO_PAULO)
                                .toInstant()))
                .param(
                        "e",
                        Timestamp.from(
                                LocalDateTime.parse(end).atZone(Zones.SAO_PAULO).toInstant()))
                .param("wh", wh)
                .param("why", resident == null ? "TAG_NOT_REGISTERED" : null)
                .query(Long.class)
                .single();
    }

    /**
     * A session still charging since {@code start}, on a charger that reports its energy only when the session ends
     * ({@code energy_pending}: 0 Wh that are not a reading).
     *
     * @return its id
     */
    public static long chargingWithEnergyAtTheEnd(
            JdbcClient jdbc,
            CondominiumId condo,
            long externalTransactionId,
            Instant start,
            Long resident,
            String tag) {
        return jdbc.sql("""
                        insert into charging_session (condominium_id, external_transaction_id, charger_uuid, charger_name,
                               connector_id, id_tag, resident_id, status, started_at, energy_wh, has_charged,
                               energy_pending)
                        values (:c, :tx, 'uuid-test', 'Garagem 1', 1, :tag, :r, 'CHARGING', :s, 0, true, true)
                        returning id""")
                .param("c", condo.value())
                .param("tx", externalTransactionId)
                .param("tag", tag)
                .param("r", resident)
                .param("s", Timestamp.from(start))
                .query(Long.class)
                .single();
    }
}
