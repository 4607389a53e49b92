package br.com.vetric.chargers.internal;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.ConnectorView;
import br.com.vetric.chargers.StatusChange;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for chargers; every statement is scoped by condominium_id. Writes are batched. */
@Repository
public class ChargerRepository {

    private static final String SELECT = """
            select c.id, c.uuid, c.charge_box_id, c.name, c.vendor, c.model, c.status, c.error_code,
                   c.last_status_at, c.last_heartbeat_at, c.online, c.first_seen_at, c.last_changed_at,
                   k.connector_id, k.status as k_status, k.error_code as k_error, k.error_info, k.last_status_at as k_at,
                   k.power_max_w
              from charger c left join charger_connector k on k.charger_id = c.id and k.condominium_id = c.condominium_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChargerRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Every charger of the condominium, with connectors, keyed by uuid. */
    public Map<String, Stored> loadAll(CondominiumId condo) {
        return load(condo, null);
    }

    /** One charger, with connectors. */
    public Optional<Stored> find(CondominiumId condo, String uuid) {
        return Optional.ofNullable(load(condo, uuid).get(uuid));
    }

    private Map<String, Stored> load(CondominiumId condo, String onlyUuid) {
        Map<String, Stored> result = new LinkedHashMap<>();
        jdbc.sql(SELECT + " where c.condominium_id = :condo and (cast(:uuid as text) is null or c.uuid = :uuid)"
                        + " order by c.name, c.uuid, k.connector_id")
                .param("condo", condo.value())
                .param("uuid", onlyUuid)
                .query(rs -> {
                    String uuid = rs.getString("uuid");
                    Stored s = result.get(uuid);
                    if (s == null) {
                        s = new Stored(
                                rs.getLong("id"),
                                uuid,
                                rs.getString("charge_box_id"),
                                rs.getString("name"),
                                rs.getString("vendor"),
                                rs.getString("model"),
                                ConnectorStatus.fromOcpp(rs.getString("status")),
                                rs.getString("error_code"),
                                Sql.instant(rs, "last_status_at"),
                                Sql.instant(rs, "last_heartbeat_at"),
                                rs.getBoolean("online"),
                                Sql.instant(rs, "first_seen_at"),
                                Sql.instant(rs, "last_changed_at"),
                                new LinkedHashMap<>());
                        result.put(uuid, s);
                    }
                    int connector = rs.getInt("connector_id");
                    if (!rs.wasNull()) {
                        int power = rs.getInt("power_max_w");
                        Integer powerW = rs.wasNull() ? null : power;
                        s.connectors()
                                .put(
                                        connector,
                                        new ConnectorView(
                                                connector,
                                                ConnectorStatus.fromOcpp(rs.getString("k_status")),
                                                rs.getString("k_error"),
                                                rs.getString("error_info"),
                                                Sql.instant(rs, "k_at"),
                                                powerW));
                    }
                });
        return result;
    }

    public long insertCharger(CondominiumId condo, Stored c) {
        return jdbc.sql("""
                        insert into charger (condominium_id, uuid, charge_box_id, name, vendor, model, status, error_code,
                               last_status_at, last_heartbeat_at, online, first_seen_at, last_changed_at)
                        values (:condo, :uuid, :box, :name, :vendor, :model, :status, :error, :statusAt, :heartbeat,
                                :online, :seen, :seen) returning id
                        """)
                .param("condo", condo.value())
                .param("uuid", c.uuid())
                .param("box", c.chargeBoxId())
                .param("name", c.name())
                .param("vendor", c.vendor())
                .param("model", c.model())
                .param("status", c.status().ocpp())
                .param("error", c.errorCode())
                .param("statusAt", Sql.ts(c.lastStatusAt()))
                .param("heartbeat", Sql.ts(c.lastHeartbeatAt()))
                .param("online", c.online())
                .param("seen", Sql.ts(c.firstSeenAt()))
                .query(Long.class)
                .single();
    }

    public void updateChargers(CondominiumId condo, List<Stored> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(changed.size());
        for (Stored c : changed) {
            args.add(new Object[] {
                c.chargeBoxId(),
                c.name(),
                c.vendor(),
                c.model(),
                c.status().ocpp(),
                c.errorCode(),
                Sql.ts(c.lastStatusAt()),
                Sql.ts(c.lastHeartbeatAt()),
                c.online(),
                Sql.ts(c.lastChangedAt()),
                condo.value(),
                c.id()
            });
        }
        template.batchUpdate("""
                update charger set charge_box_id = ?, name = ?, vendor = ?, model = ?, status = ?, error_code = ?,
                       last_status_at = ?, last_heartbeat_at = ?, online = ?, last_changed_at = ?
                 where condominium_id = ? and id = ?
                """, args);
    }

    public void upsertConnectors(CondominiumId condo, List<ConnectorRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(rows.size());
        for (ConnectorRow r : rows) {
            ConnectorView k = r.connector();
            args.add(new Object[] {
                condo.value(),
                r.chargerId(),
                k.connectorId(),
                k.status().ocpp(),
                k.errorCode(),
                k.errorInfo(),
                Sql.ts(k.lastStatusAt()),
                k.powerMaxW()
            });
        }
        template.batchUpdate("""
                insert into charger_connector (condominium_id, charger_id, connector_id, status, error_code, error_info,
                       last_status_at, power_max_w)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (charger_id, connector_id) do update set status = excluded.status,
                       error_code = excluded.error_code, error_info = excluded.error_info,
                       last_status_at = excluded.last_status_at, power_max_w = excluded.power_max_w
                """, args);
    }

    public void insertHistory(CondominiumId condo, List<StatusChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(changes.size());
        for (StatusChange h : changes) {
            args.add(new Object[] {
                condo.value(),
                h.chargerUuid(),
                h.connectorId(),
                h.status().ocpp(),
                h.errorCode(),
                h.online(),
                Sql.ts(h.statusAt()),
                Sql.ts(h.observedAt())
            });
        }
        template.batchUpdate("""
                insert into charger_status_history (condominium_id, charger_uuid, connector_id, status, error_code,
                       online, status_at, observed_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                """, args);
    }

    public List<ChargerView> list(CondominiumId condo) {
        return loadAll(condo).values().stream().map(Stored::view).toList();
    }

    public List<StatusChange> history(CondominiumId condo, String uuid, Instant from, Instant to) {
        return jdbc.sql("""
                        select charger_uuid, connector_id, status, error_code, online, status_at, observed_at
                          from charger_status_history
                         where condominium_id = :condo and charger_uuid = :uuid and observed_at >= :from and observed_at < :to
                         order by observed_at, id
                        """)
                .param("condo", condo.value())
                .param("uuid", uuid)
                .param("from", Sql.ts(from))
                .param("to", Sql.ts(to))
                .query(ChargerRepository::change)
                .list();
    }

    /** The last status change recorded before {@code before} (one row, however long the history). */
    public Optional<StatusChange> lastChangeBefore(CondominiumId condo, String uuid, Instant before) {
        return jdbc.sql("""
                        select charger_uuid, connector_id, status, error_code, online, status_at, observed_at
                          from charger_status_history
                         where condominium_id = :condo and charger_uuid = :uuid and observed_at < :before
                         order by observed_at desc, id desc
                         limit 1
                        """)
                .param("condo", condo.value())
                .param("uuid", uuid)
                .param("before", Sql.ts(before))
                .query(ChargerRepository::change)
                .optional();
    }

    /**
     * Deletes up to {@code batch} history rows observed before {@code cutoff}, oldest first, except the latest row
     * of each charger connector (a timeline still knows where it starts); returns how many went (call again until
     * it returns less than the batch).
     */
    public int pruneHistory(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from charger_status_history
                         where id in (select h.id from charger_status_history h
                                       where h.observed_at < :cutoff
                                         and exists (select 1 from charger_status_history n
                                                      where n.condominium_id = h.condominium_id
                                                        and n.charger_uuid = h.charger_uuid
                                                        and n.connector_id = h.connector_id
                                                        and (n.observed_at, n.id) > (h.observed_at, h.id))
                                       order by h.observed_at limit :batch)
                        """)
                .param("cutoff", Sql.ts(cutoff))
                .param("batch", batch)
                .update();
    }

    private static StatusChange change(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new StatusChange(
                rs.getString(1),
                rs.getInt(2),
                ConnectorStatus.fromOcpp(rs.getString(3)),
                rs.getString(4),
                rs.getBoolean(5),
                Sql.instant(rs, "status_at"),
                Sql.instant(rs, "observed_at"));
    }

    /** A charger row with its connectors. */
    public record Stored(
            long id,
            String uuid,
            String chargeBoxId,
            String name,
            String vendor,
            String model,
            ConnectorStatus status,
            String errorCode,
            Instant lastStatusAt,
            Instant lastHeartbeatAt,
            boolean online,
            Instant firstSeenAt,
            Instant lastChangedAt,
            Map<Integer, ConnectorView> connectors) {

        public ChargerView view() {
            return new ChargerView(
                    uuid,
                    chargeBoxId,
                    name,
                    vendor,
                    model,
                    status,
                    errorCode,
                    online,
                    lastStatusAt,
                    lastHeartbeatAt,
                    firstSeenAt,
                    lastChangedAt,
                    List.copyOf(connectors.values()));
        }

        public Stored withId(long newId) {
            return new Stored(
                    newId,
                    uuid,
                    chargeBoxId,
                    name,
                    vendor,
                    model,
                    status,
                    errorCode,
                    lastStatusAt,
                    lastHeartbeatAt,
                    online,
                    firstSeenAt,
                    lastChangedAt,
                    connectors);
        }
    }

    public record ConnectorRow(long chargerId, ConnectorView connector) {}
}
