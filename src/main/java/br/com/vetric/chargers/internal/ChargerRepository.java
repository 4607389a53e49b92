package br.com.vetric.chargers.internal;

import br.com.vetric.chargers.ChargerView;
import br.com.vetric.chargers.ConnectorView;
import br.com.vetric.chargers.StatusChange;
import br.com.vetric.platform.Sql;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import java.time.Instant;
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

    /** Writes the changed chargers in one statement. */
    public void updateChargers(CondominiumId condo, List<Stored> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update charger c set charge_box_id = v.box, name = v.name, vendor = v.vendor, model = v.model,
                               status = v.status, error_code = v.error, last_status_at = v.status_at,
                               last_heartbeat_at = v.heartbeat, online = v.online, last_changed_at = v.changed
                          from unnest(:ids, :boxes, :names, :vendors, :models, :statuses, :errors,
                                      cast(:statusAts as timestamptz[]), cast(:heartbeats as timestamptz[]), :onlines,
                                      cast(:changeds as timestamptz[]))
                               as v(id, box, name, vendor, model, status, error, status_at, heartbeat, online, changed)
                         where c.condominium_id = :condo and c.id = v.id
                        """)
                .param("condo", condo.value())
                .param("ids", changed.stream().map(Stored::id).toArray(Long[]::new))
                .param("boxes", changed.stream().map(Stored::chargeBoxId).toArray(String[]::new))
                .param("names", changed.stream().map(Stored::name).toArray(String[]::new))
                .param("vendors", changed.stream().map(Stored::vendor).toArray(String[]::new))
                .param("models", changed.stream().map(Stored::model).toArray(String[]::new))
                .param("statuses", changed.stream().map(c -> c.status().ocpp()).toArray(String[]::new))
                .param("errors", changed.stream().map(Stored::errorCode).toArray(String[]::new))
                .param("statusAts", Sql.instants(changed.stream().map(Stored::lastStatusAt)))
                .param("heartbeats", Sql.instants(changed.stream().map(Stored::lastHeartbeatAt)))
                .param("onlines", changed.stream().map(Stored::online).toArray(Boolean[]::new))
                .param("changeds", Sql.instants(changed.stream().map(Stored::lastChangedAt)))
                .update();
    }

    /** Inserts or updates the changed connectors in one statement. */
    public void upsertConnectors(CondominiumId condo, List<ConnectorRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into charger_connector (condominium_id, charger_id, connector_id, status, error_code,
                               error_info, last_status_at, power_max_w)
                        select :condo, v.* from unnest(:chargers, :connectors, :statuses, :errors, :infos,
                                                       cast(:statusAts as timestamptz[]), :powers)
                               as v(charger_id, connector_id, status, error_code, error_info, last_status_at, power_max_w)
                        on conflict (charger_id, connector_id) do update set status = excluded.status,
                               error_code = excluded.error_code, error_info = excluded.error_info,
                               last_status_at = excluded.last_status_at, power_max_w = excluded.power_max_w
                        """)
                .param("condo", condo.value())
                .param("chargers", rows.stream().map(ConnectorRow::chargerId).toArray(Long[]::new))
                .param(
                        "connectors",
                        rows.stream().map(r -> r.connector().connectorId()).toArray(Integer[]::new))
                .param(
                        "statuses",
                        rows.stream().map(r -> r.connector().status().ocpp()).toArray(String[]::new))
                .param(
                        "errors",
                        rows.stream().map(r -> r.connector().errorCode()).toArray(String[]::new))
                .param(
                        "infos",
                        rows.stream().map(r -> r.connector().errorInfo()).toArray(String[]::new))
                .param(
                        "statusAts",
                        Sql.instants(rows.stream().map(r -> r.connector().lastStatusAt())))
                .param(
                        "powers",
                        rows.stream().map(r -> r.connector().powerMaxW()).toArray(Integer[]::new))
                .update();
    }

    /** Appends the status changes in one statement. */
    public void insertHistory(CondominiumId condo, List<StatusChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into charger_status_history (condominium_id, charger_uuid, connector_id, status,
                               error_code, online, status_at, observed_at)
                        select :condo, v.* from unnest(:uuids, :connectors, :statuses, :errors, :onlines,
                                                       cast(:statusAts as timestamptz[]), cast(:observed as timestamptz[]))
                               as v(charger_uuid, connector_id, status, error_code, online, status_at, observed_at)
                        """)
                .param("condo", condo.value())
                .param("uuids", changes.stream().map(StatusChange::chargerUuid).toArray(String[]::new))
                .param(
                        "connectors",
                        changes.stream().map(StatusChange::connectorId).toArray(Integer[]::new))
                .param("statuses", changes.stream().map(h -> h.status().ocpp()).toArray(String[]::new))
                .param("errors", changes.stream().map(StatusChange::errorCode).toArray(String[]::new))
                .param("onlines", changes.stream().map(StatusChange::online).toArray(Boolean[]::new))
                .param("statusAts", Sql.instants(changes.stream().map(StatusChange::statusAt)))
                .param("observed", Sql.instants(changes.stream().map(StatusChange::observedAt)))
                .update();
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

    /** Every charger's status changes observed in [from, to), by charger, in order: one query. */
    public List<StatusChange> historyOfAll(CondominiumId condo, Instant from, Instant to) {
        return jdbc.sql("""
                        select charger_uuid, connector_id, status, error_code, online, status_at, observed_at
                          from charger_status_history
                         where condominium_id = :condo and observed_at >= :from and observed_at < :to
                         order by charger_uuid, observed_at, id
                        """)
                .param("condo", condo.value())
                .param("from", Sql.ts(from))
                .param("to", Sql.ts(to))
                .query(ChargerRepository::change)
                .list();
    }

    /** Each charger's last status change recorded before {@code before}: one query. */
    public List<StatusChange> lastChangesBefore(CondominiumId condo, Instant before) {
        return jdbc.sql("""
                        select distinct on (charger_uuid)
                               charger_uuid, connector_id, status, error_code, online, status_at, observed_at
                          from charger_status_history
                         where condominium_id = :condo and observed_at < :before
                         order by charger_uuid, observed_at desc, id desc
                        """)
                .param("condo", condo.value())
                .param("before", Sql.ts(before))
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
