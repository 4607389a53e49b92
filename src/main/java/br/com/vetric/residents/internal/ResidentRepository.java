package br.com.vetric.residents.internal;

import br.com.vetric.residents.Resident;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Unit;
import br.com.vetric.shared.CondominiumId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for residents and tags; every statement is scoped by condominium_id. */
@Repository
public class ResidentRepository {

    private static final String SELECT = """
            select r.id, r.name, r.apartment, r.tower, r.phone, r.notifications_enabled, r.active, r.created_at,
                   r.updated_at,
                   coalesce((select array_agg(t.tag order by t.tag) from resident_tag t
                             where t.resident_id = r.id and t.condominium_id = r.condominium_id), '{}') as tags
              from resident r
            """;
    /**
     * A search that reads as a unit ("802", "802 A", "Apto 802 Torre B") finds that unit (any tower when none is
     * given), names and tags; any other text is looked for in names, units and tags.
     */
    private static final String SEARCH = """
             where r.condominium_id = :condo and (:all or r.active)
               and (:q = ''
                    or (:isUnit and lower(r.apartment) = lower(:number)
                        and (:tower = '' or lower(coalesce(r.tower, '')) = lower(:tower)))
                    or (not :isUnit and (r.apartment ilike :like or coalesce(r.tower, '') ilike :like))
                    or r.name ilike :like
                    or exists (select 1 from resident_tag t where t.resident_id = r.id and t.tag like upper(:like)))
            """;
    /** Numbered units in numeric order (2 before 10), then named ones; towers in order; then names. */
    private static final String ORDER = """
             order by r.active desc, r.apartment !~ '^[0-9]{1,18}$',
                      case when r.apartment ~ '^[0-9]{1,18}$' then r.apartment::bigint end,
                      lower(r.apartment), lower(coalesce(r.tower, '')), r.name, r.id
            """;

    private final JdbcClient jdbc;

    ResidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Resident> list(CondominiumId condo, String search, boolean includeInactive, int page, int size) {
        return search(jdbc.sql(SELECT + SEARCH + ORDER + " limit :size offset :offset"), condo, search, includeInactive)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(ResidentRepository::resident)
                .list();
    }

    public long count(CondominiumId condo, String search, boolean includeInactive) {
        return search(jdbc.sql("select count(*) from resident r " + SEARCH), condo, search, includeInactive)
                .query(Long.class)
                .single();
    }

    private static JdbcClient.StatementSpec search(
            JdbcClient.StatementSpec sql, CondominiumId condo, String search, boolean includeInactive) {
        String q = search == null ? "" : search.strip();
        Optional<Unit> unit = Unit.query(q).filter(Unit::numeric);
        return sql.param("condo", condo.value())
                .param("all", includeInactive)
                .param("q", q)
                .param("like", "%" + escapeLike(q) + "%")
                .param("isUnit", unit.isPresent())
                .param("number", unit.map(Unit::number).orElse(""))
                .param("tower", unit.map(Unit::tower).orElse(""));
    }

    /** The active resident with this name (any case) in this unit, if any: whom a CSV row updates. */
    public Optional<Resident> findActive(CondominiumId condo, String name, Unit unit) {
        return jdbc.sql(SELECT + """
                         where r.condominium_id = :condo and r.active and lower(r.name) = lower(:name)
                           and lower(r.apartment) = lower(:number)
                           and lower(coalesce(r.tower, '')) = lower(:tower)
                         order by r.id limit 1
                        """)
                .param("condo", condo.value())
                .param("name", name)
                .param("number", unit.number())
                .param("tower", unit.tower() == null ? "" : unit.tower())
                .query(ResidentRepository::resident)
                .optional();
    }

    public Optional<Resident> find(CondominiumId condo, long id) {
        return jdbc.sql(SELECT + " where r.condominium_id = :condo and r.id = :id")
                .param("condo", condo.value())
                .param("id", id)
                .query(ResidentRepository::resident)
                .optional();
    }

    public Optional<ResidentRef> findByTag(CondominiumId condo, String normalizedTag) {
        return jdbc.sql("""
                        select r.id, r.name, r.apartment, r.tower, r.phone, r.notifications_enabled, r.active
                          from resident_tag t join resident r on r.id = t.resident_id and r.condominium_id = t.condominium_id
                         where t.condominium_id = :condo and t.tag = :tag
                        """)
                .param("condo", condo.value())
                .param("tag", normalizedTag)
                .query(ResidentRepository::ref)
                .optional();
    }

    public Map<String, ResidentRef> tagDirectory(CondominiumId condo) {
        Map<String, ResidentRef> result = new HashMap<>();
        jdbc.sql("""
                        select t.tag, r.id, r.name, r.apartment, r.tower, r.phone, r.notifications_enabled, r.active
                          from resident_tag t join resident r on r.id = t.resident_id and r.condominium_id = t.condominium_id
                         where t.condominium_id = :condo
                        """).param("condo", condo.value()).query(rs -> {
            result.put(
                    rs.getString(1),
                    new ResidentRef(
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBoolean(7),
                            rs.getBoolean(8)));
        });
        return result;
    }

    public Map<Long, ResidentRef> refs(CondominiumId condo, Set<Long> ids) {
        Map<Long, ResidentRef> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select r.id, r.name, r.apartment, r.tower, r.phone, r.notifications_enabled, r.active
                          from resident r where r.condominium_id = :condo and r.id = any(:ids)
                        """)
                .param("condo", condo.value())
                .param("ids", ids.toArray(Long[]::new))
                .query(ResidentRepository::ref)
                .list()
                .forEach(r -> result.put(r.id(), r));
        return result;
    }

    /** Residents of a unit: its number, and its tower only when the unit names one. */
    public List<Long> idsByUnit(CondominiumId condo, Unit unit) {
        return jdbc.sql("""
                        select id from resident
                         where condominium_id = :condo and lower(apartment) = lower(:number)
                           and (:tower = '' or lower(coalesce(tower, '')) = lower(:tower))
                        """)
                .param("condo", condo.value())
                .param("number", unit.number())
                .param("tower", unit.tower() == null ? "" : unit.tower())
                .query(Long.class)
                .list();
    }

    public long insert(CondominiumId condo, String name, String apartment, String tower, String phone, boolean notify) {
        return jdbc.sql("""
                        insert into resident (condominium_id, name, apartment, tower, phone, notifications_enabled)
                        values (:condo, :name, :apartment, :tower, :phone, :notify) returning id
                        """)
                .param("condo", condo.value())
                .param("name", name)
                .param("apartment", apartment)
                .param("tower", tower)
                .param("phone", phone)
                .param("notify", notify)
                .query(Long.class)
                .single();
    }

    public void update(
            CondominiumId condo, long id, String name, String apartment, String tower, String phone, boolean notify) {
        jdbc.sql("""
                        update resident set name = :name, apartment = :apartment, tower = :tower, phone = :phone,
                               notifications_enabled = :notify, updated_at = now()
                         where condominium_id = :condo and id = :id
                        """)
                .param("condo", condo.value())
                .param("id", id)
                .param("name", name)
                .param("apartment", apartment)
                .param("tower", tower)
                .param("phone", phone)
                .param("notify", notify)
                .update();
    }

    public void deactivate(CondominiumId condo, long id) {
        jdbc.sql("update resident set active = false, updated_at = now() where condominium_id = :condo and id = :id")
                .param("condo", condo.value())
                .param("id", id)
                .update();
    }

    public void deleteTags(CondominiumId condo, long residentId) {
        jdbc.sql("delete from resident_tag where condominium_id = :condo and resident_id = :id")
                .param("condo", condo.value())
                .param("id", residentId)
                .update();
    }

    public void insertTag(CondominiumId condo, long residentId, String tag) {
        jdbc.sql("insert into resident_tag (condominium_id, resident_id, tag) values (:condo, :id, :tag)")
                .param("condo", condo.value())
                .param("id", residentId)
                .param("tag", tag)
                .update();
    }

    private static Resident resident(ResultSet rs, int row) throws SQLException {
        String[] tags = (String[]) rs.getArray("tags").getArray();
        return new Resident(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("apartment"),
                rs.getString("tower"),
                rs.getString("phone"),
                Arrays.asList(tags),
                rs.getBoolean("notifications_enabled"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static ResidentRef ref(ResultSet rs, int row) throws SQLException {
        return new ResidentRef(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getBoolean(7));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
